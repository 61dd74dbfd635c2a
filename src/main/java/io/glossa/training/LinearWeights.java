package io.glossa.training;

/** Float weights of a linear model laid out {@code [bucket * labels + label]}, plus one bias per label. */
public record LinearWeights(int labels, float[] weights, float[] bias) {
    /** Raw scores of one sparse example into {@code scores}. */
    public void score(int[] idx, float[] val, float[] scores) {
        int c = labels;
        System.arraycopy(bias, 0, scores, 0, c);
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * c;
            float x = val[i];
            for (int k = 0; k < c; k++) {
                scores[k] += x * weights[base + k];
            }
        }
    }

    public int argmax(int[] idx, float[] val, float[] scores) {
        score(idx, val, scores);
        int best = 0;
        for (int k = 1; k < labels; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }
}
