package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.glossa.concurrent.Backoff;
import io.glossa.concurrent.Threads;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.Lane;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane channels of an {@link AmqpJobConsumer}: consumes each lane's queue on its own channel, puts every
 * delivery into the {@link LaneInbox}, and consumes a lane again when the broker closed its channel. It keeps each
 * lane's current {@link AckCoalescer}, so a delivery from a channel life that broke since is known to be stale.
 */
final class LaneSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(LaneSubscriptions.class);
    /** Pauses between tries to consume a lane again after the broker went away. */
    private static final Backoff RESUBSCRIBE = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    private final BrokerConnection connection;
    private final Topology topology;
    private final ConsumerSettings settings;
    private final LaneInbox inbox;
    private final int id;
    private final Map<Lane, Subscription> subscriptions = new ConcurrentHashMap<>();
    /**
     * Each lane's current coalescer, registered before {@code basicConsume}: the broker may deliver a waiting backlog
     * before {@code basicConsume} returns, and a delivery judged stale is never settled on its live channel.
     */
    private final Map<Lane, AtomicReference<AckCoalescer>> currentAcks = new ConcurrentHashMap<>();

    private final ExecutorService resubscriber;
    private volatile boolean consuming;

    /** @param id the consumer's number, for thread names and consumer tags */
    LaneSubscriptions(
            BrokerConnection connection, Topology topology, ConsumerSettings settings, LaneInbox inbox, int id) {
        this.connection = connection;
        this.topology = topology;
        this.settings = settings;
        this.inbox = inbox;
        this.id = id;
        this.resubscriber = Executors.newSingleThreadExecutor(Threads.daemonFactory("resubscribe-" + id));
    }

    void start(Set<Lane> lanes) {
        consuming = true;
        for (Lane lane : lanes) {
            subscriptions.put(lane, subscribe(lane));
        }
    }

    /** A lane's channel and its consumer tag. */
    private record Subscription(Channel channel, String tag) {}

    private Subscription subscribe(Lane lane) {
        Channel channel = connection.openChannel();
        AtomicReference<AckCoalescer> acks = new AtomicReference<>(new AckCoalescer(channel));
        currentAcks.put(lane, acks);
        // an auto-recovering channel keeps this listener across recoveries
        channel.addShutdownListener(cause -> {
            acks.set(new AckCoalescer(channel)); // deliveries of the broken life are stale now
            // connection failures are auto-recovered; a channel the broker closed by itself is not
            if (consuming && !cause.isHardError() && !cause.isInitiatedByApplication()) {
                LOG.warn("broker closed the {} lane's channel ({}); subscribing again", lane.key(), cause.getMessage());
                resubscriber.execute(() -> resubscribe(lane));
            }
        });
        try {
            channel.basicQos(settings.prefetch());
            String tag = channel.basicConsume(
                    topology.queue(lane), false, "glossa-" + lane.key() + "-" + id, new DefaultConsumer(channel) {
                        @Override
                        public void handleDelivery(
                                String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                            AckCoalescer current = acks.get();
                            current.delivered(envelope.getDeliveryTag());
                            inbox.put(new Delivery(
                                    lane,
                                    current,
                                    envelope.getDeliveryTag(),
                                    envelope.isRedeliver(),
                                    properties,
                                    body));
                        }
                    });
            return new Subscription(channel, tag);
        } catch (IOException | RuntimeException e) {
            throw new BrokerUnavailableException(
                    "cannot consume from queue " + topology.queue(lane) + ": " + AmqpConnector.reason(e), e);
        }
    }

    private void resubscribe(Lane lane) {
        Backoff.Retries retries = RESUBSCRIBE.retries();
        while (consuming) {
            try {
                subscriptions.put(lane, subscribe(lane));
                LOG.info("consuming the {} lane again", lane.key());
                return;
            } catch (BrokerUnavailableException e) {
                long pause = retries.next().toMillis();
                LOG.warn("cannot consume the {} lane yet: {}; retrying in {} ms", lane.key(), e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Whether the delivery's channel broke since it arrived: then the broker redelivers it. */
    boolean stale(Delivery delivery) {
        AtomicReference<AckCoalescer> acks = currentAcks.get(delivery.lane());
        return acks == null || acks.get() != delivery.acks();
    }

    void flushAcks() {
        for (AtomicReference<AckCoalescer> acks : currentAcks.values()) {
            try {
                acks.get().flush();
            } catch (IOException | RuntimeException e) {
                LOG.debug("acks not sent ({}); the broker redelivers those jobs", AmqpConnector.reason(e));
            }
        }
    }

    /** The channel currently consuming a lane (tests). */
    Channel channel(Lane lane) {
        return subscriptions.get(lane).channel();
    }

    /** Stops the deliveries; the channels stay open so jobs in hand can still be acked. */
    void cancel() {
        for (Subscription subscription : subscriptions.values()) {
            cancel(subscription);
        }
        consuming = false;
        resubscriber.shutdownNow();
    }

    /** Closes the lane channels: every delivery not acked by now goes back to its queue. */
    void close() {
        for (Subscription subscription : subscriptions.values()) {
            close(subscription.channel());
        }
        subscriptions.clear();
        currentAcks.clear();
    }

    private static void cancel(Subscription subscription) {
        try {
            subscription.channel().basicCancel(subscription.tag());
        } catch (IOException | RuntimeException e) {
            // the channel is closed below anyway
        }
    }

    private static void close(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // already closed
        }
    }
}
