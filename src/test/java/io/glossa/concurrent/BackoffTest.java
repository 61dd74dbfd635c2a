package io.glossa.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(700));

    @Test
    void ceilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aHugeFirstPauseDoesNotOverflowPastTheMaximum() {
        Backoff long_ = new Backoff(Duration.ofDays(10_000), Duration.ofDays(20_000));
        assertThat(long_.ceiling(40)).isEqualTo(Duration.ofDays(20_000));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeilingAndSpreads() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 6; attempt++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                long millis = backoff.delay(attempt, random).toMillis();
                assertThat(millis).isBetween(0L, backoff.ceiling(attempt).toMillis());
                seen.add(millis);
            }
            assertThat(seen)
                    .as("attempt %d draws many different pauses", attempt)
                    .hasSizeGreaterThan(50);
        }
    }

    @Test
    void theSameSeedGivesTheSamePauses() {
        Random a = new Random(7);
        Random b = new Random(7);
        for (int attempt = 1; attempt < 10; attempt++) {
            assertThat(backoff.delay(attempt, a)).isEqualTo(backoff.delay(attempt, b));
        }
    }

    @Test
    void aZeroBackoffNeverPauses() {
        Backoff none = new Backoff(Duration.ZERO, Duration.ZERO);
        assertThat(none.delay(5, new Random(1))).isZero();
    }

    @Test
    void retriesLengthenThePauseUntilReset() {
        Backoff.Retries retries = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1)).retries();
        retries.next();
        retries.next();
        assertThat(retries.failures()).isEqualTo(2);
        assertThat(retries.next()).isLessThanOrEqualTo(Duration.ofMillis(40));
        retries.reset();
        assertThat(retries.failures()).isZero();
        assertThat(retries.next()).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void rejectsAMaximumBelowTheFirstPause() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first <= max");
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
