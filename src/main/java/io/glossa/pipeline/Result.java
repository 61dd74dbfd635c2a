package io.glossa.pipeline;

import io.glossa.model.Prediction;
import java.time.Instant;
import java.util.UUID;

/** What a worker computed for one job with one model version. */
public record Result(UUID id, Prediction prediction, String modelVersion, Instant completedAt, long predictNanos) {}
