package io.glossa.training;

import io.glossa.model.DevScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy and calibration of predictions: macro accuracy (mean of per-label accuracies), micro accuracy, and the
 * expected calibration error over {@value #BINS} equal-width confidence bins. A prediction of {@code unknown}
 * (index -1) counts as wrong.
 */
public final class ScoreAccumulator {
    static final int BINS = 15;

    private final List<String> labels;
    private final long[] total;
    private final long[] correct;
    private final double[] binConfidence = new double[BINS];
    private final long[] binCorrect = new long[BINS];
    private final long[] binCount = new long[BINS];
    private long unknown;
    private long n;

    public ScoreAccumulator(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.total = new long[labels.size()];
        this.correct = new long[labels.size()];
    }

    /**
     * @param target the true label index
     * @param predicted the predicted index, or -1 for unknown
     * @param confidence the probability of the most likely label
     * @param argmaxCorrect whether the most likely label (even if reported unknown) is the target
     */
    public void add(int target, int predicted, double confidence, boolean argmaxCorrect) {
        n++;
        total[target]++;
        if (predicted == target) {
            correct[target]++;
        }
        if (predicted < 0) {
            unknown++;
        }
        int bin = Math.min(BINS - 1, (int) (confidence * BINS));
        binCount[bin]++;
        binConfidence[bin] += confidence;
        if (argmaxCorrect) {
            binCorrect[bin]++;
        }
    }

    public DevScores scores() {
        Map<String, Double> perLabel = new LinkedHashMap<>();
        double sum = 0;
        int present = 0;
        long allCorrect = 0;
        for (int c = 0; c < total.length; c++) {
            allCorrect += correct[c];
            if (total[c] > 0) {
                double acc = (double) correct[c] / total[c];
                perLabel.put(labels.get(c), acc);
                sum += acc;
                present++;
            }
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binCorrect[b] - binConfidence[b]) / n;
            }
        }
        return new DevScores(
                n,
                present == 0 ? 0 : sum / present,
                n == 0 ? 0 : (double) allCorrect / n,
                ece,
                n == 0 ? 0 : (double) unknown / n,
                perLabel);
    }
}
