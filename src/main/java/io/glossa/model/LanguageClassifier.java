package io.glossa.model;

/**
 * What every adapter (CLI, workers, web) needs of a model: a prediction and the version that made it.
 * Implementations are immutable and safe to share between threads.
 */
public interface LanguageClassifier {
    Prediction predict(CharSequence text, int topK);

    /** A stable identifier of the weights (stored with every result). */
    String version();
}
