package io.glossa.broker;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns per-message completions on one lane channel into few cumulative acks ({@code multiple=true}): Qpid consumes
 * about three times faster that way (one store transaction per ack frame), RabbitMQ sends fewer frames.
 * <p>
 * Workers finish out of order, so a cumulative ack may only name a tag when every smaller tag is settled. The
 * {@code floor} is the highest tag such that all tags up to it are settled; {@link #flush} acks up to it. A job
 * that takes long holds the floor back: completions waiting behind it for more than {@link #MAX_WAIT_NANOS} are
 * acked one by one, so they do not hold prefetch credit. RabbitMQ rejects a cumulative ack naming a tag that is no
 * longer outstanding, so the named tag is always one not settled individually.
 * <p>
 * One coalescer lives as long as its channel does: after a channel breaks, a new one starts with the new deliveries
 * and late completions on the old one are dropped (the broker redelivers those messages).
 */
final class AckCoalescer {
    static final long MAX_WAIT_NANOS = 50_000_000L;

    private final Channel channel;
    /** All tags up to here are settled; -1 until the first delivery. */
    private long floor = -1;
    /** Completed tags above the floor, with the time the oldest waiting one completed. */
    private final TreeSet<Long> done = new TreeSet<>();
    /** Those of {@code done} already settled on their own (acked or nacked individually). */
    private final Set<Long> settled = new HashSet<>();

    private long oldestWaitingSince;

    AckCoalescer(Channel channel) {
        this.channel = channel;
    }

    Channel channel() {
        return channel;
    }

    /** Called for every delivery, in delivery order, before a worker can complete it. */
    synchronized void delivered(long tag) {
        if (floor < 0) {
            floor = tag - 1;
        }
    }

    /** The delivery's outcome is safe: ack it (soon, together with others). */
    synchronized void completed(long tag) {
        if (done.isEmpty()) {
            oldestWaitingSince = System.nanoTime();
        }
        done.add(tag);
    }

    /** The delivery was nacked (requeued) on its own: it needs no ack but counts as settled. */
    synchronized void settledIndividually(long tag) {
        if (done.isEmpty()) {
            oldestWaitingSince = System.nanoTime();
        }
        done.add(tag);
        settled.add(tag);
    }

    /**
     * Sends what can be sent: a cumulative ack up to the floor, and individual acks for completions that waited
     * too long behind an unfinished tag.
     * @throws IOException if the channel is broken (the broker redelivers whatever was not acked)
     */
    synchronized void flush() throws IOException {
        long highestToAck = -1;
        while (!done.isEmpty() && done.first() == floor + 1) {
            long tag = done.pollFirst();
            floor = tag;
            if (!settled.remove(tag)) {
                highestToAck = tag;
            }
        }
        if (highestToAck > 0) {
            channel.basicAck(highestToAck, true);
        }
        if (done.isEmpty()) {
            return;
        }
        if (highestToAck > 0) {
            oldestWaitingSince = System.nanoTime();
        } else if (System.nanoTime() - oldestWaitingSince > MAX_WAIT_NANOS) {
            for (long tag : done) {
                if (settled.add(tag)) {
                    channel.basicAck(tag, false);
                }
            }
        }
    }

    /** Completed but not yet acked (tests, metrics). */
    synchronized int waiting() {
        return done.size() - settled.size();
    }
}
