package io.glossa.pipeline;

import io.glossa.concurrent.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks confirmed jobs as published in the store on its own thread, so that the relay publishes the next batch while
 * the store commits: with the mark inline, each publish cycle waited for a commit, and a job's time from submission
 * to the broker's confirm was two to four times the publish itself (measured A/B). Ids confirmed
 * meanwhile are marked together, in one statement.
 *
 * <p>An id is released (handed back to the relay, which then no longer holds it) only after its mark was tried, so
 * a sweep never publishes a job again just because its mark is still on the way. If marking fails, the ids are
 * released all the same: they are still unpublished in the store, and a later sweep publishes them again; workers
 * store results idempotently.
 */
final class PublishedMarker {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedMarker.class);
    private static final int MAX_IDS_PER_MARK = 1_000;

    private final TextStore store;
    private final Consumer<List<UUID>> release;
    private final LinkedBlockingQueue<UUID> confirmed = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running;
    /** Guards the two counts, which {@link #awaitMarked} compares. */
    private final Object progress = new Object();

    private long queued;
    private long tried;

    PublishedMarker(TextStore store, Consumer<List<UUID>> release) {
        this.store = store;
        this.release = release;
        this.thread = Threads.daemon("outbox-marker", this::run);
    }

    void start() {
        running = true;
        thread.start();
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** Queues ids the broker confirmed; they are marked in the order queued. */
    void confirmed(List<UUID> ids) {
        synchronized (progress) {
            queued += ids.size();
        }
        confirmed.addAll(ids);
    }

    /**
     * Waits until every id queued before this call has been marked (or its mark failed), at most {@code timeout}.
     * A sweep calls it first, so that it reads the outbox as of every confirm so far: otherwise a page of jobs
     * published but not yet marked would look like a full page of work that nobody may take.
     *
     * @return false if the timeout passed first
     */
    boolean awaitMarked(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = queued;
            while (tried < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    private void run() {
        while (running || !confirmed.isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            try {
                UUID first = confirmed.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                ids.add(first);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            }
            confirmed.drainTo(ids, MAX_IDS_PER_MARK - 1);
            mark(ids);
        }
    }

    private void mark(List<UUID> ids) {
        try {
            store.markPublished(ids);
        } catch (RuntimeException e) {
            LOG.warn(
                    "outbox relay: could not mark {} confirmed jobs as published ({}); a later sweep publishes them again",
                    ids.size(),
                    e.toString());
        } finally {
            release.accept(ids);
            synchronized (progress) {
                tried += ids.size();
                progress.notifyAll();
            }
        }
    }

    /** Marks what is queued (waiting at most {@code timeout}), then stops; what is left is published again later. */
    void close(Duration timeout) {
        running = false;
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn(
                    "outbox relay: {} confirmed jobs were not marked as published within {}; they will be published again",
                    confirmed.size(),
                    timeout);
        }
    }
}
