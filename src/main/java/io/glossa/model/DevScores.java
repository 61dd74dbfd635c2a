package io.glossa.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** Scores of the final (quantised, calibrated) model on the held-out dev split. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DevScores(
        long n,
        double macroAccuracy,
        double microAccuracy,
        double ece,
        double unknownRate,
        Map<String, Double> perLabel) {
    public DevScores {
        perLabel = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(perLabel));
    }
}
