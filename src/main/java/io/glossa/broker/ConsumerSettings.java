package io.glossa.broker;

import io.glossa.concurrent.Backoff;
import java.time.Duration;

/**
 * How a worker consumes.
 * @param prefetch        unacked messages the broker may push per lane (100-300 keeps workers busy without hoarding)
 * @param maxAttempts     handling attempts before a job goes to the failed queue
 * @param workers         threads that run the handler; both lanes share them, realtime first
 * @param maxBodyBytes    larger job bodies go straight to the failed queue
 * @param retryBackoff    longest pause before the first retry of a failed job; doubles per attempt up to
 *                        {@code maxRetryBackoff}; each pause is drawn at random below it (jitter)
 * @param maxRetryBackoff upper bound of that pause
 * @param maxRedeliveries on RabbitMQ: a job redelivered this many times without an ack (it killed or hung every
 *                        worker that took it) is failed; kept above {@code maxAttempts} by default because worker
 *                        crashes (kill -9, restarts) also redeliver innocent jobs that happened to be prefetched
 */
public record ConsumerSettings(
        int prefetch,
        int maxAttempts,
        int workers,
        int maxBodyBytes,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        int maxRedeliveries) {
    public static final int DEFAULT_PREFETCH = 200;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public ConsumerSettings {
        if (prefetch < 1 || prefetch > 65_535) {
            throw new IllegalArgumentException("prefetch must be between 1 and 65535, got " + prefetch);
        }
        if (maxAttempts < 1 || maxAttempts > 1_000) {
            throw new IllegalArgumentException("max attempts must be between 1 and 1000, got " + maxAttempts);
        }
        if (workers < 1 || workers > 1_024) {
            throw new IllegalArgumentException("worker threads must be between 1 and 1024, got " + workers);
        }
        if (maxBodyBytes < 64) {
            throw new IllegalArgumentException("max job body must be at least 64 bytes, got " + maxBodyBytes);
        }
        if (retryBackoff.isNegative() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("retry backoff must be >= 0 and <= its maximum");
        }
        if (maxRedeliveries < 1 || maxRedeliveries > Topology.DELIVERY_LIMIT) {
            throw new IllegalArgumentException("max redeliveries must be between 1 and the queues' delivery limit "
                    + Topology.DELIVERY_LIMIT + ", got " + maxRedeliveries);
        }
    }

    public static ConsumerSettings defaults() {
        return new ConsumerSettings(
                DEFAULT_PREFETCH,
                DEFAULT_MAX_ATTEMPTS,
                4,
                JobMessageCodec.DEFAULT_MAX_BODY_BYTES,
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Topology.DELIVERY_LIMIT);
    }

    public ConsumerSettings withPrefetch(int value) {
        return new ConsumerSettings(
                value, maxAttempts, workers, maxBodyBytes, retryBackoff, maxRetryBackoff, maxRedeliveries);
    }

    public ConsumerSettings withMaxAttempts(int value) {
        return new ConsumerSettings(
                prefetch, value, workers, maxBodyBytes, retryBackoff, maxRetryBackoff, maxRedeliveries);
    }

    public ConsumerSettings withWorkers(int value) {
        return new ConsumerSettings(
                prefetch, maxAttempts, value, maxBodyBytes, retryBackoff, maxRetryBackoff, maxRedeliveries);
    }

    public ConsumerSettings withMaxBodyBytes(int value) {
        return new ConsumerSettings(
                prefetch, maxAttempts, workers, value, retryBackoff, maxRetryBackoff, maxRedeliveries);
    }

    public ConsumerSettings withRetryBackoff(Duration first, Duration max) {
        return new ConsumerSettings(prefetch, maxAttempts, workers, maxBodyBytes, first, max, maxRedeliveries);
    }

    public ConsumerSettings withMaxRedeliveries(int value) {
        return new ConsumerSettings(prefetch, maxAttempts, workers, maxBodyBytes, retryBackoff, maxRetryBackoff, value);
    }

    /** The longest pause before retry number {@code attempt} (1-based); the pause itself is jittered below it. */
    public Duration backoff(int attempt) {
        return retryBackoffs().ceiling(attempt);
    }

    /** The retry pauses: exponential from {@code retryBackoff} up to {@code maxRetryBackoff}, with full jitter. */
    public Backoff retryBackoffs() {
        return new Backoff(retryBackoff, maxRetryBackoff);
    }
}
