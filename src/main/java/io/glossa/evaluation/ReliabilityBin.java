package io.glossa.evaluation;

/**
 * One bin of the reliability table: predictions whose probability fell in [lower, upper)
 * (the last bin includes 1.0), their mean probability and how often they were right.
 */
public record ReliabilityBin(double lower, double upper, int n, double meanProbability, double accuracy) {
    /** Calibration gap of this bin: positive when the model is over-confident. */
    public double gap() {
        return n == 0 ? 0.0 : meanProbability - accuracy;
    }
}
