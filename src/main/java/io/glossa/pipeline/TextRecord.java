package io.glossa.pipeline;

import io.glossa.model.Prediction;
import java.time.Instant;
import java.util.UUID;

/** A stored text as clients see it; {@code prediction}, {@code modelVersion}, {@code completedAt} are null while pending. */
public record TextRecord(
        UUID id,
        TextStatus status,
        Lane lane,
        Prediction prediction,
        String modelVersion,
        Instant submittedAt,
        Instant completedAt,
        String error) {}
