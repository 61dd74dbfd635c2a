package io.glossa.registry;

import java.time.Instant;

/**
 * What one worker process predicts with now.
 *
 * @param shadowVersion null when it runs no shadow
 */
public record WorkerStatus(String worker, String activeVersion, String shadowVersion, Instant at) {}
