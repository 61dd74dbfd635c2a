package io.glossa.broker;

import com.rabbitmq.client.Channel;
import io.glossa.concurrent.Threads;
import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the lane queues with manual acks. Each lane has its own channel and prefetch window; the client's
 * dispatch thread only puts deliveries into a {@link LaneInbox}, and {@code workers} threads take them — realtime
 * first — and run a {@link JobProcessor} each. Acks are per message ({@code multiple=false}), so completing out of
 * order is safe: an {@link AckCoalescer} per lane channel turns completions into cumulative acks every few
 * milliseconds, and the Java client serialises frames on a channel, so workers may nack on the shared lane channel.
 */
final class AmqpJobConsumer implements JobConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpJobConsumer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** How often finished jobs are acked (cumulatively): bounds the redelivery window after a crash. */
    private static final long ACK_FLUSH_MILLIS = 5;

    private final BrokerConnection connection;
    private final Topology topology;
    private final ConsumerSettings settings;
    private final Set<Lane> lanes;
    private final PipelineMetrics metrics;
    private final LocalResults local;
    private final LaneInbox inbox;
    private final List<JobProcessor> processors = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private LaneSubscriptions subscriptions;
    private ExecutorService workers;
    private ScheduledExecutorService ackFlusher;
    private volatile boolean running;

    public AmqpJobConsumer(BrokerConnection connection, Topology topology, ConsumerSettings settings, Set<Lane> lanes) {
        this(connection, topology, settings, lanes, PipelineMetrics.NONE, new LocalResults());
    }

    /**
     * @param metrics told of every delivery a worker thread takes (queue wait, redelivery)
     * @param local this process's result followers, which get the results in memory
     */
    AmqpJobConsumer(
            BrokerConnection connection,
            Topology topology,
            ConsumerSettings settings,
            Set<Lane> lanes,
            PipelineMetrics metrics,
            LocalResults local) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("consume at least one lane");
        }
        this.connection = connection;
        this.topology = topology;
        this.settings = settings;
        this.lanes = EnumSet.copyOf(lanes);
        this.metrics = metrics;
        this.local = local;
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
        subscriptions = new LaneSubscriptions(connection, topology, settings, inbox, id);
        ackFlusher = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("acks-" + id));
        ackFlusher.scheduleWithFixedDelay(
                subscriptions::flushAcks, ACK_FLUSH_MILLIS, ACK_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        workers = Executors.newFixedThreadPool(settings.workers(), Threads.daemonFactory("worker-" + id));
        for (int i = 0; i < settings.workers(); i++) {
            JobProcessor processor = new JobProcessor(
                    connection, topology, settings, handler, AmqpJobPublisher.DEFAULT_CONFIRM_TIMEOUT, metrics, local);
            processors.add(processor);
            workers.execute(() -> work(processor));
        }
        subscriptions.start(lanes);
    }

    private void work(JobProcessor processor) {
        try (processor) {
            while (running && !Thread.currentThread().isInterrupted()) {
                Delivery delivery = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    continue;
                }
                try {
                    if (subscriptions.stale(delivery)) {
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

    /** The channel currently consuming a lane (tests). */
    Channel channel(Lane lane) {
        return subscriptions.channel(lane);
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
        if (subscriptions != null) {
            subscriptions.cancel();
        }
        running = false;
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
        subscriptions.flushAcks(); // what the workers finished before stopping
        subscriptions.close();
        processors.clear();
        LOG.info("stopped consuming {}", lanes);
    }
}
