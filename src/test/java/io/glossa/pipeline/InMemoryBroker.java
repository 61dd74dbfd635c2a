package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of the broker ports for unit tests: a queue per lane, consumers that ack after the handler, redelivery of
 * what a consumer holds when it crashes or closes, retries up to a number of attempts, then the handler's
 * {@link JobHandler#giveUp} and a failed-queue entry. It passes the broker ports' kit ({@link InMemoryBrokerTest}).
 * Multi-job messages, AMQP properties and the failed queue's message format are the AMQP adapter's, not modelled.
 */
public final class InMemoryBroker {
    private final Map<Lane, Deque<Delivery>> queues = new EnumMap<>(Lane.class);
    private final List<Job> failed = new ArrayList<>();
    private final List<ResultListener> listeners = new CopyOnWriteArrayList<>();

    public InMemoryBroker() {
        for (Lane lane : Lane.values()) {
            queues.put(lane, new LinkedList<>());
        }
    }

    /** One job in a queue: how many tries it used, and whether a consumer held it before (the redelivered flag). */
    record Delivery(Job job, int attempts, boolean redelivered) {}

    /** Publishes at once: the fake never loses a message, so there is nothing to confirm. */
    public JobPublisher publisher() {
        return jobs -> {
            synchronized (this) {
                jobs.forEach(job -> queues.get(job.lane()).addLast(new Delivery(job, 0, false)));
                notifyAll();
            }
        };
    }

    /** A consumer of {@code lanes} that tries a failing job at most {@code maxAttempts} times. */
    public InMemoryConsumer consumer(Set<Lane> lanes, int maxAttempts) {
        if (lanes.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("consume at least one lane, with at least one attempt");
        }
        return new InMemoryConsumer(this, EnumSet.copyOf(lanes), maxAttempts);
    }

    public void listen(ResultListener listener) {
        listeners.add(listener);
    }

    /** Jobs waiting in a lane's queue (not those held by a consumer). */
    public synchronized int depth(Lane lane) {
        return queues.get(lane).size();
    }

    /** Jobs moved to the failed queue, oldest first. */
    public synchronized List<Job> failed() {
        return List.copyOf(failed);
    }

    /** Takes the next job of one of {@code lanes}, realtime first; waits up to {@code millis}; null if none came. */
    synchronized Delivery take(Set<Lane> lanes, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            for (Lane lane : lanes) {
                Delivery next = queues.get(lane).pollFirst();
                if (next != null) {
                    return next;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    /** Puts a delivery back at the head of its queue (a nack with requeue, or the death of its consumer). */
    synchronized void requeue(Delivery delivery) {
        queues.get(delivery.job().lane()).addFirst(delivery);
        notifyAll();
    }

    /** Puts a retry at the tail of its queue, as the AMQP adapter republishes one. */
    synchronized void retry(Delivery delivery) {
        queues.get(delivery.job().lane()).addLast(delivery);
        notifyAll();
    }

    synchronized void moveToFailed(Job job) {
        failed.add(job);
    }

    void publish(ResultEvent event) {
        listeners.forEach(listener -> listener.onResult(event));
    }
}
