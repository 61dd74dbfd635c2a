package io.glossa.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per API key, in this process's memory: with several API processes each enforces the limit on
 * its own share of the traffic (documented in docs/deploy.md).
 */
public final class RateLimiter {
    private final RateLimit defaultLimit;
    private final LongSupplier nanoClock;
    private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit defaultLimit, LongSupplier nanoClock) {
        this.defaultLimit = defaultLimit;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(RateLimit defaultLimit) {
        this(defaultLimit, System::nanoTime);
    }

    /** @return 0 if the key may make this request now, else whole seconds to wait (at least 1), for Retry-After */
    public long retryAfterSeconds(ApiKey key) {
        TokenBucket bucket = buckets.computeIfAbsent(
                key.id(), id -> new TokenBucket(key.rateLimit().orElse(defaultLimit), nanoClock));
        long waitNanos = bucket.tryTake();
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    public RateLimit defaultLimit() {
        return defaultLimit;
    }
}
