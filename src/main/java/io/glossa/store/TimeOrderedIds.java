package io.glossa.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, then 62 random bits. New ids land at
 * the right edge of the primary-key index instead of on random pages, which keeps PostgreSQL inserts and WAL small
 * at thousands of texts per second; the random part keeps ids unguessable. The counter (RFC 9562 method 1, starting
 * at a random value in the lower half each millisecond) makes the ids of one process strictly increasing, so that
 * the outbox can hand out jobs oldest-first by id alone; when it runs out within a millisecond, the next ids take the
 * next millisecond.
 */
final class TimeOrderedIds {
    private static final int COUNTER_BITS = 12;
    private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private long lastMillis = Long.MIN_VALUE;
    private int counter;

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(1 << (COUNTER_BITS - 1));
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
