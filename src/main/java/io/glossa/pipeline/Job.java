package io.glossa.pipeline;

import java.time.Instant;
import java.util.UUID;

/** A text waiting for a prediction; its AMQP body is the documented JSON {@code {"id","text"}}. */
public record Job(UUID id, String text, Lane lane, Instant submittedAt) {}
