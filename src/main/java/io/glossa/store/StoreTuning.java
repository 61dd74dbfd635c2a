package io.glossa.store;

import java.time.Duration;

/**
 * How the store trades latency for throughput.
 *
 * @param outboxLease how long a relay's claim on outbox rows keeps other relays away
 * @param acceptWriters 0: each accept() is its own transaction; n &gt; 0: at most n accept transactions at once, and
 *        concurrent calls beyond that share the next one ({@link GroupCommit})
 * @param completeWriters the same for complete()
 * @param acceptLinger how long an accept may wait, while requests arrive densely, for others to share its commit
 *        ({@link GroupCommit}'s linger; only with acceptWriters &gt; 0)
 */
record StoreTuning(Duration outboxLease, int acceptWriters, int completeWriters, Duration acceptLinger) {
    public static final Duration DEFAULT_OUTBOX_LEASE = Duration.ofSeconds(30);

    public StoreTuning {
        if (outboxLease.isNegative() || outboxLease.isZero()) {
            throw new IllegalArgumentException("outbox lease must be positive, got " + outboxLease);
        }
        if (acceptWriters < 0 || completeWriters < 0) {
            throw new IllegalArgumentException("writer counts must be 0 or more");
        }
        if (acceptLinger.isNegative()) {
            throw new IllegalArgumentException("accept linger must be zero or more, got " + acceptLinger);
        }
    }

    /**
     * Shared transactions on both backends, measured with 8 threads writing single items ({@code StoreBench}): on
     * PostgreSQL sharing cut the database CPU per accepted text about threefold (one multi-row insert instead of one
     * statement per text), which is what counts on a machine where API, workers, broker and database share two cores;
     * on SQLite each commit is a write to its log, and there is one writer per file anyway, so one writer slot.
     * PostgreSQL gets two, so the next batch forms while one waits for its log flush.
     */
    public static StoreTuning defaults(Backend backend) {
        int writers = backend == Backend.SQLITE ? 1 : 2;
        return new StoreTuning(DEFAULT_OUTBOX_LEASE, writers, writers, Duration.ZERO);
    }

    public StoreTuning withOutboxLease(Duration lease) {
        return new StoreTuning(lease, acceptWriters, completeWriters, acceptLinger);
    }

    public StoreTuning withWriters(int accept, int complete) {
        return new StoreTuning(outboxLease, accept, complete, acceptLinger);
    }

    public StoreTuning withAcceptLinger(Duration linger) {
        return new StoreTuning(outboxLease, acceptWriters, completeWriters, linger);
    }
}
