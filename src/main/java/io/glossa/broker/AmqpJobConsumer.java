package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.glossa.concurrent.Backoff;
import io.glossa.concurrent.Threads;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the lane queues with manual acks. Each lane has its own channel and prefetch window; the client's
 * dispatch thread only puts deliveries into a {@link LaneInbox}, and {@code workers} threads take them — realtime
 * first — and run a {@link JobProcessor} each. Acks are per message ({@code multiple=false}), so completing out of
 * order is safe: an {@link AckCoalescer} per lane channel turns completions into cumulative acks every few
 * milliseconds, and the Java client serialises frames on a channel, so workers may nack on the shared lane channel.
 */
public final class AmqpJobConsumer implements JobConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpJobConsumer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Pauses between tries to consume a lane again after the broker went away. */
    private static final Backoff RESUBSCRIBE = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    /** How often finished jobs are acked (cumulatively): bounds the redelivery window after a crash. */
    private static final long ACK_FLUSH_MILLIS = 5;

    private final BrokerConnection connection;
    private final Topology topology;
    private final ConsumerSettings settings;
    private final Set<Lane> lanes;
    private final PipelineMetrics metrics;
    private final LaneInbox inbox;
    private final Map<Lane, Subscription> subscriptions = new ConcurrentHashMap<>();
    /**
     * Each lane's current coalescer, registered before {@code basicConsume}: the broker may deliver a waiting backlog
     * before {@code basicConsume} returns, and a delivery judged stale is never settled on its live channel.
     */
    private final Map<Lane, AtomicReference<AckCoalescer>> currentAcks = new ConcurrentHashMap<>();

    private final List<JobProcessor> processors = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private ExecutorService workers;
    private ExecutorService resubscriber;
    private ScheduledExecutorService ackFlusher;
    private volatile boolean running;

    public AmqpJobConsumer(BrokerConnection connection, Topology topology, ConsumerSettings settings, Set<Lane> lanes) {
        this(connection, topology, settings, lanes, PipelineMetrics.NONE);
    }

    /** @param metrics told of every delivery a worker thread takes (queue wait, redelivery) */
    public AmqpJobConsumer(
            BrokerConnection connection,
            Topology topology,
            ConsumerSettings settings,
            Set<Lane> lanes,
            PipelineMetrics metrics) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("consume at least one lane");
        }
        this.connection = connection;
        this.topology = topology;
        this.settings = settings;
        this.lanes = EnumSet.copyOf(lanes);
        this.metrics = metrics;
        // a quarter of the workers for batch jobs: realtime latency stayed 8.6x its idle p99 while a batch used all
        // of them (bench/batch-vs-realtime.sh; BENCHMARKS.md, "Batch through the queue")
        this.inbox = new LaneInbox(Math.max(1, settings.workers() / 4));
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
        try {
            startWorkersAndSubscribe(handler);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info(
                "consuming {} with {} worker threads, prefetch {} per lane, {} attempts per job",
                lanes,
                settings.workers(),
                settings.prefetch(),
                settings.maxAttempts());
    }

    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    private void startWorkersAndSubscribe(JobHandler handler) {
        int id = INSTANCES.incrementAndGet();
        resubscriber = Executors.newSingleThreadExecutor(Threads.daemonFactory("resubscribe-" + id));
        ackFlusher = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("acks-" + id));
        ackFlusher.scheduleWithFixedDelay(this::flushAcks, ACK_FLUSH_MILLIS, ACK_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        workers = Executors.newFixedThreadPool(settings.workers(), Threads.daemonFactory("worker-" + id));
        for (int i = 0; i < settings.workers(); i++) {
            JobProcessor processor = new JobProcessor(
                    connection, topology, settings, handler, AmqpJobPublisher.DEFAULT_CONFIRM_TIMEOUT, metrics);
            processors.add(processor);
            workers.execute(() -> work(processor));
        }
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
            if (running && !cause.isHardError() && !cause.isInitiatedByApplication()) {
                LOG.warn("broker closed the {} lane's channel ({}); subscribing again", lane.key(), cause.getMessage());
                resubscriber.execute(() -> resubscribe(lane));
            }
        });
        try {
            channel.basicQos(settings.prefetch());
            String tag = channel.basicConsume(
                    topology.queue(lane),
                    false,
                    "glossa-" + lane.key() + "-" + INSTANCES.get(),
                    new DefaultConsumer(channel) {
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
        while (running) {
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

    private void work(JobProcessor processor) {
        try (processor) {
            while (running && !Thread.currentThread().isInterrupted()) {
                Delivery delivery = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    continue;
                }
                try {
                    if (stale(delivery)) {
                        dropped.incrementAndGet(); // its channel broke since: the broker redelivers it
                        continue;
                    }
                    processor.process(delivery);
                } catch (RuntimeException e) {
                    LOG.error(
                            "unexpected error handling job message {}; requeueing it",
                            delivery.properties().getMessageId(),
                            e);
                    JobProcessor.requeue(delivery);
                } finally {
                    inbox.finished(delivery);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stale(Delivery delivery) {
        AtomicReference<AckCoalescer> acks = currentAcks.get(delivery.lane());
        return acks == null || acks.get() != delivery.acks();
    }

    private void flushAcks() {
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
        for (Subscription subscription : subscriptions.values()) {
            cancel(subscription);
        }
        running = false;
        if (resubscriber != null) {
            resubscriber.shutdownNow();
        }
        if (workers == null || ackFlusher == null) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ackFlusher.shutdownNow();
        flushAcks(); // what the workers finished before stopping
        for (Subscription subscription : subscriptions.values()) {
            close(subscription.channel());
        }
        subscriptions.clear();
        currentAcks.clear();
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
