package io.glossa.broker;

import java.util.UUID;

/** The body of a job message, exactly the talk's {@code {"id","text"}}. */
public record JobMessage(UUID id, String text) {}
