package io.glossa.evaluation;

import io.glossa.model.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns the raw answers of a run into scores: per label, confusions, calibration. */
final class Scorer {
    static final int CALIBRATION_BINS = 10;

    private final int topConfusions;

    Scorer(int topConfusions) {
        this.topConfusions = topConfusions;
    }

    EvaluationResult score(String modelVersion, String[] expected, Outcomes outcomes, Throughput throughput) {
        ConfusionMatrix matrix = ConfusionMatrix.of(expected, outcomes.predicted);
        List<LabelScore> perLabel = new ArrayList<>();
        int correct = 0;
        for (int r = 0; r < matrix.rows().size(); r++) {
            LabelScore score = labelScore(matrix, r);
            perLabel.add(score);
            correct += score.correct();
        }
        int unknown = 0;
        for (String p : outcomes.predicted) {
            if (Prediction.UNKNOWN.equals(p)) {
                unknown++;
            }
        }
        return new EvaluationResult(
                modelVersion,
                expected.length,
                correct,
                unknown,
                perLabel,
                matrix,
                calibration(expected, outcomes),
                throughput);
    }

    private LabelScore labelScore(ConfusionMatrix matrix, int row) {
        String label = matrix.rows().get(row);
        List<Confusion> wrong = new ArrayList<>();
        for (int c = 0; c < matrix.columns().size(); c++) {
            String predicted = matrix.columns().get(c);
            if (!predicted.equals(label) && matrix.count(row, c) > 0) {
                wrong.add(new Confusion(predicted, matrix.count(row, c)));
            }
        }
        // Ties broken by label so the report is the same on every run.
        wrong.sort(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::predicted));
        return new LabelScore(
                label,
                matrix.rowTotal(row),
                matrix.count(label, label),
                matrix.count(label, Prediction.UNKNOWN),
                wrong.subList(0, Math.min(topConfusions, wrong.size())));
    }

    /**
     * Calibration is judged on the model's best candidate even when the answer was {@code unknown}:
     * the threshold decides when to abstain, the probabilities should still mean what they say.
     */
    private static Calibration calibration(String[] expected, Outcomes outcomes) {
        CalibrationTally tally = new CalibrationTally(CALIBRATION_BINS);
        for (int i = 0; i < expected.length; i++) {
            if (outcomes.best[i] != null) {
                tally.add(outcomes.bestProbability[i], outcomes.best[i].equals(expected[i]));
            }
        }
        return tally.result();
    }
}
