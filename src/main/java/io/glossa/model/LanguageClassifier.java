package io.glossa.model;

/**
 * What every adapter (CLI, workers, web) needs of a model: a prediction and the version that made it.
 * Implementations are immutable and safe to share between threads.
 */
public interface LanguageClassifier {
    Prediction predict(CharSequence text, int topK);

    /**
     * The prediction among {@code languages} only (label codes; empty: all): probabilities are those of the whole
     * model conditioned on the answer being one of them, so they still sum to 1. Codes the model does not know are
     * left out; if none is left the answer is unknown.
     */
    default Prediction predict(CharSequence text, int topK, java.util.List<String> languages) {
        if (languages.isEmpty()) {
            return predict(text, topK);
        }
        throw new UnsupportedOperationException("this classifier cannot restrict its candidate languages");
    }

    /** A stable identifier of the weights (stored with every result). */
    String version();
}
