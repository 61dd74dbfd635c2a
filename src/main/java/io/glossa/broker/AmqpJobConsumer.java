package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.Lane;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the lane queues with manual acks. Each lane has its own channel and prefetch window; the client's
 * dispatch thread only puts deliveries into a {@link LaneInbox}, and {@code workers} threads take them — realtime
 * first — and run a {@link JobProcessor} each. Acks are per message ({@code multiple=false}), so completing out of
 * order is safe, and the Java client serialises frames on a channel, so workers may ack on the shared lane channel.
 */
public final class AmqpJobConsumer implements JobConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpJobConsumer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final BrokerConnection connection;
    private final Topology topology;
    private final ConsumerSettings settings;
    private final Set<Lane> lanes;
    private final LaneInbox inbox = new LaneInbox();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<JobProcessor> processors = new ArrayList<>();
    private ExecutorService workers;
    private volatile boolean running;
    /** Bumped whenever a lane channel shuts down (connection lost, broker restart): see {@link Delivery#epoch()}. */
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();

    public AmqpJobConsumer(BrokerConnection connection, Topology topology, ConsumerSettings settings, Set<Lane> lanes) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("consume at least one lane");
        }
        this.connection = connection;
        this.topology = topology;
        this.settings = settings;
        this.lanes = EnumSet.copyOf(lanes);
    }

    public AmqpJobConsumer(BrokerConnection connection, Topology topology, ConsumerSettings settings) {
        this(connection, topology, settings, EnumSet.allOf(Lane.class));
    }

    @Override
    public synchronized void start(JobHandler handler) {
        if (running) {
            throw new IllegalStateException("consumer already started");
        }
        running = true;
        int id = INSTANCES.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread thread = new Thread(r, "glossa-worker-" + id + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < settings.workers(); i++) {
            JobProcessor processor = new JobProcessor(connection, topology, settings, handler,
                    AmqpJobPublisher.DEFAULT_CONFIRM_TIMEOUT);
            processors.add(processor);
            workers.execute(() -> work(processor));
        }
        for (Lane lane : lanes) {
            subscriptions.add(subscribe(lane));
        }
        LOG.info("consuming {} with {} worker threads, prefetch {} per lane, {} attempts per job",
                lanes, settings.workers(), settings.prefetch(), settings.maxAttempts());
    }

    private record Subscription(Channel channel, String tag) {}

    private Subscription subscribe(Lane lane) {
        Channel channel = connection.openChannel();
        // an auto-recovering channel keeps this listener across recoveries
        channel.addShutdownListener(cause -> epoch.incrementAndGet());
        try {
            channel.basicQos(settings.prefetch());
            String tag = channel.basicConsume(topology.queue(lane), false, "glossa-" + lane.key() + "-" + INSTANCES.get(),
                    new DefaultConsumer(channel) {
                        @Override
                        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                            inbox.put(new Delivery(lane, channel, envelope.getDeliveryTag(), properties, body, epoch.get()));
                        }
                    });
            return new Subscription(channel, tag);
        } catch (IOException | RuntimeException e) {
            throw new BrokerUnavailableException("cannot consume from queue " + topology.queue(lane) + ": "
                    + AmqpConnector.reason(e), e);
        }
    }

    private void work(JobProcessor processor) {
        try (processor) {
            while (running && !Thread.currentThread().isInterrupted()) {
                Delivery delivery = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    continue;
                }
                if (delivery.epoch() != epoch.get()) {
                    dropped.incrementAndGet(); // its channel broke since: the broker redelivers it
                    continue;
                }
                try {
                    processor.process(delivery);
                } catch (RuntimeException e) {
                    LOG.error("unexpected error handling job message {}; requeueing it",
                            delivery.properties().getMessageId(), e);
                    requeue(delivery);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requeue(Delivery delivery) {
        try {
            delivery.channel().basicNack(delivery.deliveryTag(), false, true);
        } catch (IOException | RuntimeException e) {
            // channel gone: the broker requeues it anyway
        }
    }

    /** Deliveries dropped unhandled because their channel broke before a worker took them (for tests, metrics). */
    public long droppedAfterChannelLoss() {
        return dropped.get();
    }

    /** Deliveries received but not yet taken by a worker. */
    public int waiting() {
        return inbox.size();
    }

    /**
     * Stops taking deliveries, lets jobs in hand finish (up to a grace period), then closes the lane channels:
     * every delivery not acked by then goes back to its queue.
     */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        for (Subscription subscription : subscriptions) {
            cancel(subscription);
        }
        running = false;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (Subscription subscription : subscriptions) {
            close(subscription.channel());
        }
        subscriptions.clear();
        processors.clear();
        LOG.info("stopped consuming {}", lanes);
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
