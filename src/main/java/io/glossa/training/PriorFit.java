package io.glossa.training;

/**
 * Class priors chosen on purpose: one offset per label added to its bias (a log-prior in score units), fitted on
 * the dev split so that the mean of the macro accuracies of dev sentences and of dev fragments (1-3 words) is
 * highest. Why: for a short text of a close pair (Bokmål/Danish, Malay/Indonesian, Croatian/Serbian) the scores are
 * nearly tied and the bias decides; class-balanced training leaves those ties to chance. Coordinate ascent over a
 * grid, a few passes; argmax does not depend on the temperature, so this runs before it is fitted.
 */
final class PriorFit {
    static final double MAX_OFFSET = 0.5;
    static final double STEP = 0.05;
    static final int PASSES = 2;

    private PriorFit() {}

    /**
     * @param groups the dev sets whose macro accuracies are averaged (texts without letters already removed)
     * @return the offset per label
     */
    static float[] fit(DevSet[] groups, int labels) {
        int n = 0;
        for (DevSet g : groups) {
            n += g.scores().length;
        }
        float[][] s = new float[n][];
        int[] t = new int[n];
        double[] w = new double[n];
        int at = 0;
        for (DevSet g : groups) {
            int[] count = new int[labels];
            for (int y : g.targets()) {
                count[y]++;
            }
            int present = 0;
            for (int c : count) {
                present += c > 0 ? 1 : 0;
            }
            for (int i = 0; i < g.scores().length; i++) {
                s[at] = g.scores()[i];
                t[at] = g.targets()[i];
                w[at] = 1.0 / ((double) groups.length * present * count[t[at]]);
                at++;
            }
        }
        float[] delta = new float[labels];
        float[] other = new float[n];
        int[] otherArg = new int[n];
        int steps = (int) Math.round(MAX_OFFSET / STEP);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int k = 0; k < labels; k++) {
                for (int i = 0; i < n; i++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int arg = -1;
                    for (int j = 0; j < labels; j++) {
                        if (j != k && s[i][j] + delta[j] > best) {
                            best = s[i][j] + delta[j];
                            arg = j;
                        }
                    }
                    other[i] = best;
                    otherArg[i] = arg;
                }
                double bestScore = objective(s, t, w, k, delta[k], other, otherArg);
                float bestDelta = delta[k];
                for (int g = -steps; g <= steps; g++) {
                    float d = (float) (g * STEP);
                    double score = objective(s, t, w, k, d, other, otherArg);
                    if (score > bestScore + 1e-6
                            || (score > bestScore - 1e-9 && Math.abs(d) < Math.abs(bestDelta) - 1e-6)) {
                        bestScore = score;
                        bestDelta = d;
                    }
                }
                delta[k] = bestDelta;
            }
        }
        return delta;
    }

    private static double objective(float[][] s, int[] t, double[] w, int k, float d, float[] other, int[] otherArg) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            int predicted = s[i][k] + d > other[i] ? k : otherArg[i];
            if (predicted == t[i]) {
                sum += w[i];
            }
        }
        return sum;
    }
}
