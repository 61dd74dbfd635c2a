package io.glossa.broker;

import java.time.Instant;

/**
 * One message of the failed queue as a person inspects it.
 *
 * @param id            the job's id (the message's message_id), or {@code #n} (its place in the queue) when it has none
 *                      (a malformed message, a multi-job message)
 * @param reason        why it failed: glossa's reason, or RabbitMQ's dead-letter reason ({@code delivery_limit})
 * @param attempts      handling attempts before it was given up (0 if unknown)
 * @param failedAt      when, or null if the message does not say
 * @param lane          the lane to replay it to, or null if unknown
 * @param original      the job's body as delivered (UTF-8 text, or null when it was not UTF-8)
 * @param originalBytes the body's real size
 * @param complete      false when the failed message kept only the first 64 KiB: such a job cannot be replayed
 */
public record FailedJob(
        String id,
        String reason,
        int attempts,
        Instant failedAt,
        String lane,
        String original,
        int originalBytes,
        boolean complete) {
    /** Whether a replay can publish the job again exactly as it was. */
    public boolean replayable() {
        return complete && original != null && lane != null;
    }
}
