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
 *
 * <p>The random bits come from {@link SecureRandom} 4 KiB at a time: asked for eight bytes per id, it read the
 * kernel's random device and took its lock for each, 2.5 % of the HTTP threads' time at 1,000 texts/s (JFR).
 */
final class TimeOrderedIds {
    private static final int COUNTER_BITS = 12;
    private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;
    private static final int POOL_BYTES = 4096;

    private final SecureRandom random = new SecureRandom();
    private final byte[] pool = new byte[POOL_BYTES];
    private int taken = POOL_BYTES;
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
            counter = (int) (randomLong() & ((1 << (COUNTER_BITS - 1)) - 1));
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (randomLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Eight bytes of the pool, refilled from {@link SecureRandom} when used up; each byte is used once. */
    private long randomLong() {
        if (taken + Long.BYTES > POOL_BYTES) {
            random.nextBytes(pool);
            taken = 0;
        }
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (pool[taken++] & 0xFF);
        }
        return value;
    }
}
