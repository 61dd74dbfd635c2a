package io.glossa.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. New ids land at the right edge of
 * the primary-key index instead of on random pages, which keeps PostgreSQL inserts and WAL small at thousands of
 * texts per second; the random part keeps ids unguessable.
 */
final class TimeOrderedIds {
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long high = (millis << 16) | 0x7000L | randA;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
