package io.glossa.broker;

import java.time.Instant;

/**
 * What the failed queue holds for one job that will not be processed: the original body (as delivered, possibly
 * truncated when oversized), why, after how many attempts, when, and from which lane.
 */
record FailedMessage(
        String reason,
        int attempts,
        Instant failedAt,
        String lane,
        String messageId,
        byte[] original,
        int originalBytes) {}
