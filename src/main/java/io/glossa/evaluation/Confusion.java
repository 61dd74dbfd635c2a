package io.glossa.evaluation;

/** How often texts of one label were predicted as another label (or {@code unknown}). */
public record Confusion(String predicted, int count) {}
