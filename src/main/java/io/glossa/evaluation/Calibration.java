package io.glossa.evaluation;

import java.util.List;

/**
 * How well the model's probabilities match its hit rate: the expected calibration error
 * (ECE = sum over bins of binShare * |meanProbability - accuracy|) and the reliability table behind it.
 *
 * @param n predictions that had a best candidate (texts with no candidate at all are left out)
 */
public record Calibration(double ece, int n, List<ReliabilityBin> bins) {
    public Calibration {
        bins = List.copyOf(bins);
    }
}
