package io.glossa.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * One re-verify run as stored.
 *
 * @param total texts published for it (what "done" means)
 * @param finishedAt null while it runs
 * @param reportJson null until finished
 */
public record ReverifyRun(
        UUID id,
        String modelVersion,
        String selection,
        long total,
        long scored,
        Instant createdAt,
        Instant finishedAt,
        String reportJson) {}
