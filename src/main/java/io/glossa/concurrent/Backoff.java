package io.glossa.concurrent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff, capped, with full jitter: the pause before retry {@code n} is drawn uniformly from
 * [0, min(max, first × 2^(n-1))]. The jitter spreads out the retries of many workers or processes that failed
 * together (a broker or database restart), so they do not all come back in the same millisecond.
 *
 * @param first ceiling of the first pause
 * @param max   ceiling of every pause
 */
public record Backoff(Duration first, Duration max) {
    private static final int MAX_SHIFT = 30;

    public Backoff {
        if (first == null || max == null || first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= first <= max, got first " + first + ", max " + max);
        }
    }

    /** The ceiling of the pause before retry {@code attempt} (1-based; below 1 counts as 1). */
    public Duration ceiling(int attempt) {
        int shift = Math.min(MAX_SHIFT, Math.max(0, attempt - 1));
        long millis = first.toMillis() << shift;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** The pause before retry {@code attempt}: uniform in [0, {@link #ceiling}], drawn from {@code random}. */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /** The pause before retry {@code attempt}, drawn from the thread's own random source. */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current());
    }

    /** Failures counted in a loop that retries until it succeeds. */
    public Retries retries() {
        return new Retries(this);
    }

    /** The state of one retry loop: each failure lengthens the next pause, a success starts over. Not thread-safe. */
    public static final class Retries {
        private final Backoff backoff;
        private int failures;

        private Retries(Backoff backoff) {
            this.backoff = backoff;
        }

        /** Counts a failure and returns the pause before the next try. */
        public Duration next() {
            if (failures < Integer.MAX_VALUE) {
                failures++;
            }
            return backoff.delay(failures);
        }

        /** Sleeps the pause before the next try. */
        public void pause() throws InterruptedException {
            Thread.sleep(next().toMillis());
        }

        public void reset() {
            failures = 0;
        }

        public int failures() {
            return failures;
        }
    }
}
