package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aSweepDeletesEverythingOlderThanThePeriodInSmallTransactionsAndKeepsTheRest() {
        MutableClock clock = new MutableClock(START);
        InMemoryTextStore store = new InMemoryTextStore(clock);
        store.accept(Collections.nCopies(Retention.TEXTS_PER_TRANSACTION * 2 + 7, "old"), Lane.REALTIME);
        clock.advance(Duration.ofDays(20));
        List<Job> young = store.accept(List.of("young"), Lane.REALTIME);
        clock.advance(Duration.ofDays(11));

        long deleted = new Retention(store, Duration.ofDays(30), clock).sweep();

        assertThat(deleted).isEqualTo(Retention.TEXTS_PER_TRANSACTION * 2 + 7);
        assertThat(store.ids()).containsExactly(young.get(0).id());
    }

    @Test
    void thePeriodMustBePositive() {
        assertThatThrownBy(() -> new Retention(new InMemoryTextStore(), Duration.ZERO, java.time.Clock.systemUTC()))
                .hasMessageContaining("must be positive");
    }
}
