package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void idsAreVersion7WithTheMillisecondsInFrontAndAreUnique() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
        TimeOrderedIds ids = new TimeOrderedIds(clock);

        UUID first = ids.next();
        clock.advance(Duration.ofMillis(1));
        UUID later = ids.next();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(clock.millis() - 1);
        assertThat(first.toString()).isLessThan(later.toString());
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(ids.next());
        }
        assertThat(many).hasSize(100_000);
    }

    @Test
    void idsOfOneMillisecondAndBeyondItsCounterKeepTheirOrder() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
        TimeOrderedIds ids = new TimeOrderedIds(clock);

        UUID previous = ids.next();
        for (int i = 0; i < 10_000; i++) { // more than a millisecond's counter holds
            UUID next = ids.next();
            assertThat(next).as("id %d", i).isGreaterThan(previous);
            assertThat(next.toString()).isGreaterThan(previous.toString());
            previous = next;
        }
        clock.advance(Duration.ofMillis(100));
        assertThat(ids.next().getMostSignificantBits() >>> 16)
                .as("the clock catches up")
                .isEqualTo(clock.millis());
    }

    @Test
    void everyRandomBitVariesAcrossIds() {
        TimeOrderedIds ids = new TimeOrderedIds(new MutableClock(Instant.parse("2026-11-26T08:00:00Z")));
        long everSet = 0;
        long everClear = 0;
        for (int i = 0; i < 10_000; i++) { // many refills of the random pool
            long low = ids.next().getLeastSignificantBits();
            everSet |= low;
            everClear |= ~low;
        }
        long random = 0x3FFF_FFFF_FFFF_FFFFL;
        assertThat(everSet & random).isEqualTo(random);
        assertThat(everClear & random).isEqualTo(random);
    }
}
