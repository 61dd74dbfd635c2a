package io.glossa.training;

/**
 * Fits the softmax temperature T that minimises the negative log-likelihood of held-out examples
 * (Guo et al. 2017): one parameter, so it cannot overfit the dev split and never changes the argmax.
 */
public final class TemperatureScaling {
    private static final double LOG_MIN = Math.log(0.05);
    private static final double LOG_MAX = Math.log(20);

    private TemperatureScaling() {}

    public static double fit(float[][] scores, int[] targets) {
        if (scores.length == 0) {
            return 1;
        }
        // NLL is convex in 1/T; golden-section search over log T is robust and needs no gradient.
        double a = LOG_MIN;
        double b = LOG_MAX;
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = b - phi * (b - a);
        double x2 = a + phi * (b - a);
        double f1 = nll(scores, targets, Math.exp(x1));
        double f2 = nll(scores, targets, Math.exp(x2));
        for (int it = 0; it < 60; it++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - phi * (b - a);
                f1 = nll(scores, targets, Math.exp(x1));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + phi * (b - a);
                f2 = nll(scores, targets, Math.exp(x2));
            }
        }
        return Math.exp((a + b) / 2);
    }

    static double nll(float[][] scores, int[] targets, double temperature) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            float[] s = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : s) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : s) {
                sum += Math.exp((v - max) / temperature);
            }
            total += Math.log(sum) - (s[targets[i]] - max) / temperature;
        }
        return total / scores.length;
    }
}
