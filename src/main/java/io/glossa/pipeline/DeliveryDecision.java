package io.glossa.pipeline;

import java.time.Duration;
import java.util.List;

/** What to do with a delivery, decided by the {@link DeliveryPolicy} and carried out by the broker adapter. */
public sealed interface DeliveryDecision {
    /** Run the handler on the jobs. */
    record Handle() implements DeliveryDecision {}

    /** The outcome is safe (stored): announce the results and ack. */
    record Ack() implements DeliveryDecision {}

    /** After {@code delay}, a copy with {@code attempts} goes back to the lane (confirmed), then the original is acked. */
    record RetryAfter(Duration delay, int attempts, String reason) implements DeliveryDecision {}

    /**
     * Not the jobs' fault (database down, failure not recordable): after {@code delay}, a copy goes back to the lane
     * with {@code attempts}, not using up an attempt.
     */
    record PutBack(Duration delay, int attempts, String reason) implements DeliveryDecision {}

    /** Record the failure, move the message to the failed queue with {@code reason}, announce it failed, ack. */
    record GiveUp(String reason, int attempts) implements DeliveryDecision {}

    /** Each of {@code parts} goes back alone as a single-job message with {@code attempts} (confirmed), then ack. */
    record Split(List<Job> parts, int attempts) implements DeliveryDecision {
        public Split {
            parts = List.copyOf(parts);
        }
    }
}
