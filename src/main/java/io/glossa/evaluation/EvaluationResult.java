package io.glossa.evaluation;

import java.util.List;

/**
 * Everything measured by one evaluation run. All fields except {@link #throughput()} are deterministic for
 * a given model and data, whatever the number of threads.
 *
 * @param n texts evaluated
 * @param correct texts whose predicted label equals the expected one
 * @param unknown texts answered {@code unknown} (counted as wrong)
 * @param perLabel one entry per expected label, sorted by label
 */
public record EvaluationResult(
        String modelVersion,
        int n,
        int correct,
        int unknown,
        List<LabelScore> perLabel,
        ConfusionMatrix confusion,
        Calibration calibration,
        Throughput throughput) {
    public EvaluationResult {
        perLabel = List.copyOf(perLabel);
    }

    /** Share of all texts predicted right: large labels weigh more. */
    public double microAccuracy() {
        return n == 0 ? 0.0 : (double) correct / n;
    }

    /** Mean of the per-label accuracies: every label weighs the same, however many texts it has. */
    public double macroAccuracy() {
        return perLabel.stream().mapToDouble(LabelScore::accuracy).average().orElse(0.0);
    }
}
