package io.glossa.access;

import java.util.function.LongSupplier;

/**
 * The classic token bucket: it holds up to {@code burst} tokens, refills at {@code perSecond}, and each request
 * takes one. Time comes from a nanosecond clock so tests can move it.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimit limit;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.tokens = limit.burst();
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes a token if there is one: returns 0; otherwise nothing is taken and it returns the nanos until one. */
    synchronized long tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / NANOS_PER_SECOND * limit.perSecond());
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / limit.perSecond() * NANOS_PER_SECOND);
    }
}
