package io.glossa.broker;

import io.glossa.pipeline.Lane;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Deliveries waiting for a worker, realtime strictly first: a worker takes a batch job only when no realtime job
 * waits. So a batch backlog (at most one prefetch window of it is ever here) delays a realtime job by at most the
 * batch jobs already being handled, never by the backlog.
 */
final class LaneInbox {
    private final ConcurrentLinkedQueue<Delivery> realtime = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Delivery> batch = new ConcurrentLinkedQueue<>();
    private final Semaphore waiting = new Semaphore(0);

    void put(Delivery delivery) {
        (delivery.lane() == Lane.REALTIME ? realtime : batch).add(delivery);
        waiting.release();
    }

    /** @return the next delivery, or null if none arrived within the timeout */
    Delivery poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (!waiting.tryAcquire(timeout, unit)) {
            return null;
        }
        Delivery next = realtime.poll();
        return next != null ? next : batch.poll();
    }

    int size() {
        return waiting.availablePermits();
    }
}
