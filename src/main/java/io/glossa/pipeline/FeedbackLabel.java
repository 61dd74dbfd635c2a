package io.glossa.pipeline;

import java.time.Instant;
import java.util.UUID;

/** A feedback label with the text it labels: what retraining and evaluation read. */
public record FeedbackLabel(long feedbackId, UUID textId, String text, String language, Instant createdAt) {}
