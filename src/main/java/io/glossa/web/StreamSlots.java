package io.glossa.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams are open, overall and per API key, against their caps. A stream over the overall cap is
 * answered 503, one over its key's cap 429, both with Retry-After: each open stream holds a connection, a queue and
 * a share of the writers, so an unbounded number of them was an easy way to exhaust the server.
 */
final class StreamSlots {
    static final String RETRY_AFTER_SECONDS = "5";

    private final int max;
    private final int maxPerKey;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Long, AtomicInteger> perKey = new ConcurrentHashMap<>();

    StreamSlots(int max, int maxPerKey) {
        this.max = max;
        this.maxPerKey = maxPerKey;
    }

    /**
     * Takes a slot for a new stream; release it exactly once when the stream ends.
     *
     * @param keyId the stream's API key, or null when keys are not required
     * @throws ProblemException 503 at the overall cap, 429 at the key's cap
     */
    Runnable take(Long keyId) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            throw new ProblemException(
                    503,
                    "too-many-streams",
                    "Too Many Event Streams",
                    "this server already has " + max + " event streams open (--max-event-streams); retry in "
                            + RETRY_AFTER_SECONDS + " s");
        }
        if (keyId == null) {
            return open::decrementAndGet;
        }
        AtomicInteger mine = perKey.computeIfAbsent(keyId, id -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerKey) {
            mine.decrementAndGet();
            open.decrementAndGet();
            throw new ProblemException(
                    429,
                    "too-many-streams",
                    "Too Many Event Streams",
                    "this API key already has "
                            + maxPerKey + " event streams open (--max-event-streams-per-key); close one, or retry in "
                            + RETRY_AFTER_SECONDS + " s");
        }
        return () -> {
            mine.decrementAndGet();
            open.decrementAndGet();
        };
    }

    int open() {
        return open.get();
    }
}
