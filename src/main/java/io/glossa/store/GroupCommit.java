package io.glossa.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Combines concurrent calls into shared transactions. Each commit costs a write of the log and
 * round trips; with many threads writing one item each, one transaction per item caps throughput at the commit
 * rate. Here a caller queues its item and, if fewer than {@code writers} transactions are running, writes everything
 * queued so far itself (flat combining: no extra threads, no waiting when alone). Every caller returns only after
 * the transaction holding its item committed, with its own outcome, and fails if that transaction failed.
 *
 * <p>With a {@code linger}, a writer first waits until the oldest queued item is that old, so that callers arriving
 * moments apart share a commit even when no transaction is running to queue behind. Only while traffic is dense (the
 * previous transaction began within a linger before that item arrived): after a quiet spell no company is coming, and
 * waiting would only delay the caller.
 *
 * @param <I> one call's input
 * @param <O> one call's answer
 */
final class GroupCommit<I, O> {
    /** One transaction over the combined items; returns an outcome per item, in order, or throws if it failed. */
    @FunctionalInterface
    interface Work<I, O> {
        List<Outcome<O>> run(List<I> items);
    }

    /** An item's answer, or the failure that concerns only that item (the others still commit). */
    record Outcome<O>(O value, RuntimeException failure) {
        static <O> Outcome<O> of(O value) {
            return new Outcome<>(value, null);
        }

        static <O> Outcome<O> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }
    }

    private final Queue<Request<I, O>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writers;
    private final int maxWeightPerTransaction;
    private final ToIntFunction<I> weight;
    private final Work<I, O> work;
    private final long lingerNanos;
    private final LongSupplier nanoTime;
    /** When the latest transaction began, on the {@code nanoTime} clock; {@code started} says whether one has. */
    private volatile long lastStart;

    private volatile boolean started;

    GroupCommit(int writers, int maxWeightPerTransaction, ToIntFunction<I> weight, Work<I, O> work) {
        this(writers, maxWeightPerTransaction, weight, Duration.ZERO, work);
    }

    GroupCommit(int writers, int maxWeightPerTransaction, ToIntFunction<I> weight, Duration linger, Work<I, O> work) {
        this(writers, maxWeightPerTransaction, weight, linger, System::nanoTime, work);
    }

    /** {@code nanoTime}: a monotonic clock in nanoseconds (tests pass their own to make a quiet spell). */
    GroupCommit(
            int writers,
            int maxWeightPerTransaction,
            ToIntFunction<I> weight,
            Duration linger,
            LongSupplier nanoTime,
            Work<I, O> work) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must be zero or more, got " + linger);
        }
        this.writers = new Semaphore(writers);
        this.maxWeightPerTransaction = maxWeightPerTransaction;
        this.weight = weight;
        this.lingerNanos = linger.toNanos();
        this.nanoTime = nanoTime;
        this.work = work;
    }

    /** Returns once the item is committed; throws its own failure or that of the transaction that held it. */
    O submit(I item) {
        Request<I, O> request = enqueue(item);
        writeWhileQueued(request);
        return request.await();
    }

    /**
     * Many items of one caller, queued together so that they share a transaction (if they fit its weight limit).
     * @return each item's outcome, in order, once all are committed; throws if a transaction holding any failed
     */
    List<Outcome<O>> submitAll(List<I> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Request<I, O>> requests = items.stream().map(this::enqueue).toList();
        writeWhileQueued(requests.get(requests.size() - 1));
        return requests.stream().map(Request::outcome).toList();
    }

    private Request<I, O> enqueue(I item) {
        Request<I, O> request = new Request<>(item, nanoTime.getAsLong());
        queue.add(request);
        return request;
    }

    /**
     * A writer re-checks the queue after releasing its permit, so a request queued while all permits were taken is
     * always picked up by someone. It lingers only while its caller's last item is not yet written: so a caller
     * lingers at most once, and a writer that goes on writing for those queued behind it does not linger for them
     * (as in flat combining without a linger, it still writes what they queued while it wrote).
     */
    private void writeWhileQueued(Request<I, O> own) {
        while (!queue.isEmpty() && writers.tryAcquire()) {
            try {
                if (!own.done.isDone()) {
                    lingerForCompanions();
                }
                writeQueued();
            } finally {
                writers.release();
            }
        }
    }

    /** Waits, while traffic is dense, until the oldest queued item is a linger old (see the class comment). */
    private void lingerForCompanions() {
        Request<I, O> oldest = queue.peek();
        if (lingerNanos == 0 || oldest == null || !started || oldest.queuedAt - lastStart > lingerNanos) {
            return;
        }
        long deadline = oldest.queuedAt + lingerNanos;
        for (long left = deadline - nanoTime.getAsLong(); left > 0; left = deadline - nanoTime.getAsLong()) {
            LockSupport.parkNanos(this, left); // an interrupt ends the wait early: the items are written at once
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Takes queued requests up to about the weight limit (concurrent writers may overshoot it a little). */
    private void writeQueued() {
        List<Request<I, O>> batch = new ArrayList<>();
        List<I> items = new ArrayList<>();
        int total = 0;
        for (Request<I, O> next = queue.peek(); next != null; next = queue.peek()) {
            int size = weight.applyAsInt(next.item);
            if (!batch.isEmpty() && total + size > maxWeightPerTransaction) {
                break;
            }
            Request<I, O> taken = queue.poll();
            if (taken == null) {
                break;
            }
            batch.add(taken);
            items.add(taken.item);
            total += weight.applyAsInt(taken.item);
        }
        if (batch.isEmpty()) {
            return;
        }
        lastStart = nanoTime.getAsLong();
        started = true;
        try {
            List<Outcome<O>> outcomes = work.run(items);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(request -> request.done.completeExceptionally(e));
        }
    }

    private static final class Request<I, O> {
        final I item;
        final long queuedAt;
        final CompletableFuture<Outcome<O>> done = new CompletableFuture<>();

        Request(I item, long queuedAt) {
            this.item = item;
            this.queuedAt = queuedAt;
        }

        O await() {
            Outcome<O> outcome = outcome();
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.value();
        }

        /** Waits for the commit; throws only if the transaction failed as a whole. */
        Outcome<O> outcome() {
            try {
                return done.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) e.getCause();
            }
        }
    }
}
