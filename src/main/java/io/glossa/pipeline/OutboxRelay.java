package io.glossa.pipeline;

import io.glossa.concurrent.Backoff;
import io.glossa.concurrent.Threads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed jobs from the store's outbox to the broker, on one background thread.
 *
 * <p>Jobs committed in this process are handed over in memory ({@link #committed}) and published at once, in
 * batches of what arrived meanwhile. A periodic sweep reads the store for jobs nobody here holds: those left by a
 * crashed process, and those the in-memory hand-over skipped when it was full. While the broker is down the relay
 * keeps the batch and retries with exponential backoff (jittered); a job leaves the outbox only after the broker confirmed it,
 * marked by a {@link PublishedMarker} on its own thread so that the next publish does not wait for that commit.
 * A job may be published twice (e.g. confirmed but not yet marked when the process died); workers store results
 * idempotently, so that costs work, never correctness.
 *
 * <p>Realtime jobs go first: each publish takes every waiting realtime job before any batch-lane job, and at most a
 * fifth of a publish is batch-lane jobs, so a realtime job handed over while a big batch streams in waits for at
 * most one short publish, not for the batch's backlog.
 */
public final class OutboxRelay implements OutboxSignal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MIN_MARKING_AT_CLOSE = Duration.ofSeconds(1);
    /**
     * Longest a sweep waits for pending marks (and never longer than a sweep interval); after it, held ids are still
     * skipped, only the page may come out short.
     */
    private static final Duration MARKS_BEFORE_SWEEP = Duration.ofSeconds(2);

    private final TextStore store;
    private final JobPublisher publisher;
    private final RelaySettings settings;
    private final Clock clock;
    private final PipelineMetrics metrics;
    private final LinkedBlockingQueue<Job> handedOver = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Job> handedOverBatch = new LinkedBlockingQueue<>();
    /** Released when jobs are handed over (and at shutdown), so the thread sleeps only while there is nothing to do. */
    private final Semaphore arrivals = new Semaphore(0);
    /** Ids handed over, being published or waiting for their mark here, so that a sweep does not publish them again. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    private final PublishedMarker marker;
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean brokerHealthy = true;
    private volatile boolean sleeping;
    private List<Job> retry = List.of();
    private final Backoff.Retries retries;
    private Instant nextSweep = Instant.MIN;
    /** When the last round of handed-over jobs was taken: how dense the traffic is, for the linger. */
    private Instant lastRound = Instant.MIN;

    private boolean sweepAll = true;

    public OutboxRelay(
            TextStore store, JobPublisher publisher, RelaySettings settings, Clock clock, PipelineMetrics metrics) {
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.retries = new Backoff(settings.minBackoff(), settings.maxBackoff()).retries();
        this.marker = new PublishedMarker(store, ids -> ids.forEach(held::remove));
        this.thread = Threads.daemon("outbox-relay", this::run);
    }

    public void start() {
        running = true;
        marker.start();
        thread.start();
    }

    @Override
    public void committed(List<Job> jobs) {
        try {
            for (Job job : jobs) {
                // over the limit the job simply waits in the store, where a sweep finds it: memory stays bounded
                if (handedOver.size() + handedOverBatch.size() >= settings.maxPending()) {
                    return;
                }
                // false when a sweep (the one at start, which takes every unpublished row) already holds the job
                if (held.add(job.id())) {
                    (job.lane() == Lane.BATCH ? handedOverBatch : handedOver).add(job);
                }
            }
        } finally {
            arrivals.release();
        }
    }

    /**
     * False once either of the relay's threads has died while it should run (an Error such as OutOfMemoryError
     * escapes their loops, which only survive failures of the store and broker): then accepted texts pile up in
     * the outbox unpublished, so /ready must say so and the process must be restarted.
     */
    public boolean alive() {
        return !running || (thread.isAlive() && marker.alive());
    }

    /** False after a publish failed, until one succeeds. */
    public boolean brokerHealthy() {
        return brokerHealthy;
    }

    /** Jobs handed over in memory and not yet confirmed and marked as published. */
    public int backlog() {
        return held.size();
    }

    private void run() {
        while (running || !drained()) {
            try {
                List<Job> batch = nextBatch();
                if (!batch.isEmpty()) {
                    publish(batch);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                // a store failure: keep the thread alive, the jobs stay in the outbox
                LOG.warn("outbox relay: {}", e.toString());
                pause();
            }
        }
        LOG.debug("outbox relay stopped with {} jobs still held", held.size());
    }

    private boolean drained() {
        return retry.isEmpty() && handedOver.isEmpty() && handedOverBatch.isEmpty();
    }

    private List<Job> nextBatch() throws InterruptedException {
        if (!retry.isEmpty()) {
            return retry;
        }
        // the sweep goes first when due, so steady traffic cannot starve orphans
        if (running && !clock.instant().isBefore(nextSweep)) {
            List<Job> orphans = sweepOrPostpone();
            if (!orphans.isEmpty()) {
                return orphans;
            }
        }
        Duration untilSweep = Duration.between(clock.instant(), nextSweep);
        if (handedOver.isEmpty() && handedOverBatch.isEmpty() && running && !untilSweep.isNegative()) {
            arrivals.tryAcquire(untilSweep.toMillis() + 1, TimeUnit.MILLISECONDS);
        }
        lingerForCompanions();
        arrivals.drainPermits(); // what arrives from now on is either taken below or releases a permit again
        List<Job> batch = new ArrayList<>();
        handedOver.drainTo(batch, settings.batchSize());
        int batchLaneShare = Math.max(1, Math.min(settings.batchSize() - batch.size(), settings.batchSize() / 5));
        if (batch.size() < settings.batchSize()) {
            handedOverBatch.drainTo(batch, batchLaneShare);
        }
        if (!batch.isEmpty()) {
            lastRound = clock.instant();
        }
        return batch;
    }

    /**
     * Waits until the oldest waiting realtime job is {@code linger} old (from its acceptance) or a full round is
     * ready, so that jobs accepted moments apart share a publish and its messages. Only while traffic is dense (the
     * previous round began within a linger of this job's acceptance): a job after a quiet spell has no company
     * coming, and waiting would only delay it.
     */
    private void lingerForCompanions() throws InterruptedException {
        Job oldest = handedOver.peek();
        if (oldest == null || settings.linger().isZero() || oldest.submittedAt() == null) {
            return;
        }
        if (lastRound.plus(settings.linger()).isBefore(oldest.submittedAt())) {
            return;
        }
        long lingerNanos = settings.linger().toNanos();
        // never more than one linger from now, should the wall clock have stepped back since the job's acceptance
        long left = Math.min(
                lingerNanos,
                Duration.between(clock.instant(), oldest.submittedAt().plus(settings.linger()))
                        .toNanos());
        long deadline = System.nanoTime() + left;
        while (running && handedOver.size() < settings.batchSize()) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            arrivals.tryAcquire(wait, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A sweep that fails (the database down, or a row it cannot read) is tried again at the next interval. Retrying it at once, before anything else, held up the
     * jobs handed over in memory for as long as it kept failing.
     */
    private List<Job> sweepOrPostpone() throws InterruptedException {
        try {
            return sweep();
        } catch (RuntimeException e) {
            LOG.warn("outbox relay: reading the outbox failed ({}); trying again in {}", e, settings.sweepInterval());
            nextSweep = clock.instant().plus(settings.sweepInterval());
            return List.of();
        }
    }

    private List<Job> sweep() throws InterruptedException {
        Duration marksWait = settings.sweepInterval().compareTo(MARKS_BEFORE_SWEEP) < 0
                ? settings.sweepInterval()
                : MARKS_BEFORE_SWEEP;
        if (!marker.awaitMarked(marksWait)) {
            LOG.debug("outbox relay: sweeping while marks of confirmed jobs are still pending");
        }
        Instant now = clock.instant();
        Instant youngest = sweepAll ? Instant.MAX : now.minus(settings.orphanAge());
        List<Job> found = store.unpublished(settings.batchSize());
        List<Job> orphans = found.stream()
                .filter(job -> !held.contains(job.id()) && job.submittedAt().isBefore(youngest))
                .collect(Collectors.toCollection(ArrayList::new));
        // a full page of orphans means more may be waiting: sweep again at once
        boolean more = found.size() == settings.batchSize() && orphans.size() == found.size();
        if (!more) {
            sweepAll = false;
            nextSweep = now.plus(settings.sweepInterval());
        }
        orphans.forEach(job -> held.add(job.id()));
        if (!orphans.isEmpty()) {
            LOG.info("outbox relay: publishing {} jobs found unpublished in the store", orphans.size());
        }
        return orphans;
    }

    private void publish(List<Job> batch) throws InterruptedException {
        long start = System.nanoTime();
        try {
            publisher.publish(batch);
        } catch (BrokerUnavailableException e) {
            retry = batch;
            metrics.publishFailed(batch.size());
            if (brokerHealthy) {
                LOG.warn(
                        "outbox relay: broker unavailable ({}); {} jobs kept in the outbox, retrying",
                        e.getMessage(),
                        held.size());
            }
            brokerHealthy = false;
            sleepBackoff();
            return;
        }
        metrics.published(batch.size(), Duration.ofNanos(System.nanoTime() - start));
        Instant confirmedAt = clock.instant();
        for (Job job : batch) {
            metrics.confirmed(job.lane(), Duration.between(job.submittedAt(), confirmedAt));
        }
        retry = List.of();
        if (!brokerHealthy) {
            LOG.info("outbox relay: broker available again");
        }
        brokerHealthy = true;
        retries.reset();
        // marked (and released from held) on the marker's thread: the next batch need not wait for that commit
        marker.confirmed(batch.stream().map(Job::id).toList());
    }

    private void sleepBackoff() throws InterruptedException {
        if (!running) {
            // shutting down with the broker gone: the jobs stay in the outbox for the next start
            retry = List.of();
            handedOver.clear();
            handedOverBatch.clear();
            return;
        }
        sleeping = true;
        try {
            retries.pause();
        } finally {
            sleeping = false;
        }
    }

    private void pause() {
        try {
            sleepBackoff();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes what is already handed over (waiting at most {@code timeout}), then stops. */
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        running = false;
        arrivals.release();
        if (sleeping) {
            // only a backoff sleep is interrupted; a publish in progress is allowed to finish
            thread.interrupt();
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn(
                    "outbox relay did not finish within {}; {} jobs stay in the outbox for the next start",
                    timeout,
                    held.size());
        }
        // at least a moment for the marks of the last confirms, else they are published again at the next start
        marker.close(Duration.ofNanos(Math.max(deadline - System.nanoTime(), MIN_MARKING_AT_CLOSE.toNanos())));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
