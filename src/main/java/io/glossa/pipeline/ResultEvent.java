package io.glossa.pipeline;

import java.util.UUID;

/** Published on the topic results exchange with routing key {@code <status>.<language>} after a job ends. */
public record ResultEvent(UUID id, TextStatus status, Result result, String error) {}
