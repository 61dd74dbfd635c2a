package io.glossa.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a hand-moved nanosecond clock. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(new RateLimit(2, 3), nanos::get);

    private static ApiKey key(long id, RateLimit own) {
        return new ApiKey(id, "k" + id, Instant.EPOCH, null, Optional.ofNullable(own));
    }

    @Test
    void aBurstPassesThenTheNextRequestWaitsForTheRefill() {
        ApiKey key = key(1, null);
        assertThat(limiter.retryAfterSeconds(key)).isZero();
        assertThat(limiter.retryAfterSeconds(key)).isZero();
        assertThat(limiter.retryAfterSeconds(key)).isZero();
        assertThat(limiter.retryAfterSeconds(key)).isEqualTo(1); // 0.5 s to the next token, rounded up

        nanos.addAndGet(500_000_000);
        assertThat(limiter.retryAfterSeconds(key)).isZero();
        assertThat(limiter.retryAfterSeconds(key)).isEqualTo(1);
    }

    @Test
    void refillNeverExceedsTheBurst() {
        ApiKey key = key(1, null);
        nanos.addAndGet(3_600_000_000_000L);
        int allowed = 0;
        while (limiter.retryAfterSeconds(key) == 0) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void eachKeyHasItsOwnBucketAndItsOwnLimitWins() {
        ApiKey slow = key(1, new RateLimit(0.1, 1));
        ApiKey other = key(2, null);
        assertThat(limiter.retryAfterSeconds(slow)).isZero();
        assertThat(limiter.retryAfterSeconds(slow)).isEqualTo(10);
        assertThat(limiter.retryAfterSeconds(other)).isZero();
    }
}
