package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A consumer of the in-memory broker: one thread per lane, each handling one job at a time and acking it after the
 * handler returned and the result event went out. A job is "held" from take to ack; {@link #crash} and
 * {@link #close} give back what is held, and a thread whose consumer died acks nothing afterwards.
 */
public final class InMemoryConsumer implements JobConsumer {
    private static final long POLL_MILLIS = 20;
    private static final long RETRY_BACKOFF_MILLIS = 5;

    private final InMemoryBroker broker;
    private final Set<Lane> lanes;
    private final int maxAttempts;
    private final List<Thread> threads = new ArrayList<>();
    private final List<InMemoryBroker.Delivery> held = new ArrayList<>();
    private volatile boolean alive = true;

    InMemoryConsumer(InMemoryBroker broker, Set<Lane> lanes, int maxAttempts) {
        this.broker = broker;
        this.lanes = lanes;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public synchronized void start(JobHandler handler) {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("this consumer was started already");
        }
        for (Lane lane : lanes) {
            Thread thread = new Thread(() -> consume(Set.of(lane), handler), "in-memory-consumer-" + lane.key());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** As a crashed worker: stops at once, acks nothing more, and the broker redelivers what it held. */
    public void crash() {
        alive = false;
        giveBackHeld();
    }

    /** Stops taking jobs, lets the ones in hand finish for a moment, and gives back any still held. */
    @Override
    public void close() {
        alive = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        giveBackHeld();
    }

    private void giveBackHeld() {
        List<InMemoryBroker.Delivery> back;
        synchronized (held) {
            back = List.copyOf(held);
            held.clear();
        }
        back.forEach(
                delivery -> broker.requeue(new InMemoryBroker.Delivery(delivery.job(), delivery.attempts(), true)));
    }

    private void consume(Set<Lane> lane, JobHandler handler) {
        try {
            while (alive) {
                InMemoryBroker.Delivery delivery = broker.take(lane, POLL_MILLIS);
                if (delivery != null) {
                    hold(delivery);
                    handleOne(delivery, handler);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hold(InMemoryBroker.Delivery delivery) {
        synchronized (held) {
            if (alive) {
                held.add(delivery);
                return;
            }
        }
        broker.requeue(delivery); // taken just as the consumer died
    }

    /** Removes the delivery from what is held; false if the consumer died meanwhile (it was given back). */
    private boolean ack(InMemoryBroker.Delivery delivery) {
        synchronized (held) {
            return held.remove(delivery);
        }
    }

    private void handleOne(InMemoryBroker.Delivery delivery, JobHandler handler) throws InterruptedException {
        Job job = delivery.job();
        int attempt = delivery.attempts() + 1;
        try {
            Result result = handler.handle(job);
            if (ack(delivery)) {
                broker.publish(
                        new ResultEvent(job.id(), TextStatus.DONE, result, null, job.submittedAt(), job.owner()));
            }
        } catch (JobRejectedException | UnknownTextException e) {
            giveUp(delivery, e.getMessage(), handler);
        } catch (StoreUnavailableException e) {
            if (e.isOutage()) {
                putBack(delivery, new InMemoryBroker.Delivery(job, delivery.attempts(), false)); // not an attempt
            } else {
                failedAttempt(delivery, attempt, e, handler);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            failedAttempt(delivery, attempt, e, handler);
        }
    }

    private void failedAttempt(InMemoryBroker.Delivery delivery, int attempt, Throwable failure, JobHandler handler)
            throws InterruptedException {
        if (attempt >= maxAttempts) {
            giveUp(delivery, failure.getMessage() + " (after " + attempt + " attempts)", handler);
        } else {
            putBack(delivery, new InMemoryBroker.Delivery(delivery.job(), attempt, false));
        }
    }

    private void putBack(InMemoryBroker.Delivery delivery, InMemoryBroker.Delivery retry) throws InterruptedException {
        Thread.sleep(RETRY_BACKOFF_MILLIS);
        if (ack(delivery)) {
            broker.retry(retry);
        }
    }

    /** The handler records the failure first; if it cannot, the job stays in its queue to be tried again later. */
    private void giveUp(InMemoryBroker.Delivery delivery, String reason, JobHandler handler)
            throws InterruptedException {
        Job job = delivery.job();
        try {
            handler.giveUp(job, reason);
        } catch (UnknownTextException e) {
            // nothing to mark: the job still goes to the failed queue
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            putBack(delivery, delivery);
            return;
        }
        if (ack(delivery)) {
            broker.moveToFailed(job);
            broker.publish(new ResultEvent(job.id(), TextStatus.FAILED, null, reason, job.submittedAt(), job.owner()));
        }
    }
}
