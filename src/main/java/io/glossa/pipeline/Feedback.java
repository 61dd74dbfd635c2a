package io.glossa.pipeline;

import java.time.Instant;
import java.util.UUID;

/** A user's label for a text ("Wrong? Pick the right language"), as stored. */
public record Feedback(long id, UUID textId, String language, Instant createdAt) {}
