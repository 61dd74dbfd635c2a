package io.glossa.broker;

import io.glossa.pipeline.Lane;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Deliveries waiting for a worker, realtime strictly first: a worker takes a batch job only when no realtime job
 * waits. So a batch backlog (at most one prefetch window of it is ever here) delays a realtime job by at most the
 * batch jobs already being handled, never by the backlog.
 *
 * <p>Besides, at most {@code maxBatchInProgress} batch jobs are handled at once (workers call {@link #finished}):
 * a batch would otherwise keep every worker, the database and the cores busy, and realtime jobs, though taken
 * first, would queue for all of them. Batch throughput is what is left over, not what the workers could do.
 */
final class LaneInbox {
    private final ArrayDeque<Delivery> realtime = new ArrayDeque<>();
    private final ArrayDeque<Delivery> batch = new ArrayDeque<>();
    private final int maxBatchInProgress;
    private int batchInProgress;

    LaneInbox() {
        this(Integer.MAX_VALUE);
    }

    LaneInbox(int maxBatchInProgress) {
        if (maxBatchInProgress < 1) {
            throw new IllegalArgumentException("at least one batch job must be allowed, got " + maxBatchInProgress);
        }
        this.maxBatchInProgress = maxBatchInProgress;
    }

    synchronized void put(Delivery delivery) {
        (delivery.lane() == Lane.REALTIME ? realtime : batch).add(delivery);
        notifyAll();
    }

    /** @return the next delivery, or null if none could be taken within the timeout */
    synchronized Delivery poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            if (!realtime.isEmpty()) {
                return realtime.poll();
            }
            if (!batch.isEmpty() && batchInProgress < maxBatchInProgress) {
                batchInProgress++;
                return batch.poll();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** A worker is done with a delivery {@link #poll} gave it (handled, requeued or dropped). */
    synchronized void finished(Delivery delivery) {
        if (delivery.lane() != Lane.REALTIME) {
            batchInProgress--;
            notifyAll();
        }
    }

    synchronized int size() {
        return realtime.size() + batch.size();
    }
}
