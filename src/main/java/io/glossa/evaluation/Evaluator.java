package io.glossa.evaluation;

import io.glossa.corpus.LabeledText;
import io.glossa.model.LanguageClassifier;
import java.util.List;

/**
 * Scores a classifier on labelled texts: macro and micro accuracy, per-label accuracy with its top
 * confusions, the confusion matrix, calibration (ECE, reliability table) and texts per second.
 * {@code unknown} answers count as wrong.
 */
public final class Evaluator {
    /** Confusions listed per label; the full matrix keeps the rest. */
    public static final int TOP_CONFUSIONS = 3;

    private final PredictionRunner runner;
    private final Scorer scorer = new Scorer(TOP_CONFUSIONS);

    /** @param threads prediction threads; the scores do not depend on it, only the speed does */
    public Evaluator(int threads) {
        this.runner = new PredictionRunner(threads);
    }

    public EvaluationResult evaluate(LanguageClassifier classifier, List<LabeledText> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no labelled texts to evaluate");
        }
        PredictionRunner.Timed run = runner.run(classifier, data);
        String[] expected = new String[data.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = data.get(i).label();
        }
        return scorer.score(classifier.version(), expected, run.outcomes(), run.throughput());
    }
}
