package io.glossa.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Provenance of one training file: its name, SHA-256, lines in it, lines used and lines refused. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingFile(String name, String sha256, long lines, long usedLines, long badLines) {}
