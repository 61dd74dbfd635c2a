package io.glossa.pipeline;

import io.glossa.concurrent.Threads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes texts once they are older than the retention period, with their results and labels: users' texts are not
 * kept forever by default. Runs every {@code interval} in small transactions, so accepting never waits long behind
 * it; several processes on one database may run it at once (each deletes what is still there).
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** Texts per transaction: small enough that a writer waiting behind it waits milliseconds, not seconds. */
    static final int TEXTS_PER_TRANSACTION = 500;

    private final TextStore store;
    private final Duration period;
    private final Clock clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("retention"));

    public Retention(TextStore store, Duration period, Clock clock) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention period must be positive, got " + period);
        }
        this.store = store;
        this.period = period;
        this.clock = clock;
    }

    /** Sweeps now and then every {@code interval}. */
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    public Retention start(Duration interval) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Deletes every text submitted before now minus the period; @return how many */
    public long sweep() {
        Instant cutoff = clock.instant().minus(period);
        long deleted = 0;
        int last;
        do {
            last = store.deleteSubmittedBefore(cutoff, TEXTS_PER_TRANSACTION);
            deleted += last;
        } while (last == TEXTS_PER_TRANSACTION && !Thread.currentThread().isInterrupted());
        return deleted;
    }

    private void sweepQuietly() {
        try {
            long deleted = sweep();
            if (deleted > 0) {
                LOG.info(
                        "retention: deleted {} texts submitted more than {} ago, with their results and labels",
                        deleted,
                        readable(period));
            }
        } catch (RuntimeException e) {
            LOG.warn("retention: deleting old texts failed ({}); trying again at the next sweep", e.toString());
        }
    }

    /** 30d, 12h, 90m or the ISO form, as an operator wrote it rather than PT720H. */
    public static String readable(Duration period) {
        if (period.toSeconds() % 86_400 == 0) {
            return period.toDays() + "d";
        }
        if (period.toSeconds() % 3_600 == 0) {
            return period.toHours() + "h";
        }
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + "m" : period.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
