package io.glossa.model;

import java.util.List;

/**
 * The model's answer for one text: the best language (or {@link #UNKNOWN}) and the top-k candidates,
 * best first. Probabilities are calibrated on held-out data.
 */
public record Prediction(String language, String name, String nativeName, double probability, List<Candidate> top) {
    public static final String UNKNOWN = "unknown";

    public Prediction {
        top = List.copyOf(top);
    }

    public boolean isUnknown() {
        return UNKNOWN.equals(language);
    }
}
