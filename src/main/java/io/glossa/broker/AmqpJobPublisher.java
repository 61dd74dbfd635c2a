package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobPublisher;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.UtcInstants;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Publishes jobs as persistent, mandatory messages to the jobs exchange and returns only once the broker confirmed
 * (and routed) all of them. The jobs of one call may share messages ({@link JobPacking}). Thread-safe: each call
 * borrows a confirm channel from a small pool, so concurrent callers publish in parallel and one caller's confirms
 * never wait for another's. A channel that saw any error is dropped.
 */
final class AmqpJobPublisher implements JobPublisher, AutoCloseable {
    /**
     * Long enough for a slow but working broker (the embedded one on a saturated 2-core box once took over 10 s for a
     * batch of 500); a lost connection fails at once anyway, without waiting for this.
     */
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerConnection connection;
    private final Topology topology;
    private final Duration confirmTimeout;
    private final JobPacking packing;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<ConfirmedChannel> idle = new ConcurrentLinkedQueue<>();

    public AmqpJobPublisher(
            BrokerConnection connection,
            Topology topology,
            Duration confirmTimeout,
            int maxChannels,
            JobPacking packing) {
        if (maxChannels < 1) {
            throw new IllegalArgumentException("publisher needs at least one channel");
        }
        this.connection = connection;
        this.topology = topology;
        this.confirmTimeout = confirmTimeout;
        this.packing = packing;
        this.permits = new Semaphore(maxChannels);
    }

    /** One job per message. */
    public AmqpJobPublisher(BrokerConnection connection, Topology topology) {
        this(connection, topology, JobPacking.NONE);
    }

    public AmqpJobPublisher(BrokerConnection connection, Topology topology, JobPacking packing) {
        this(connection, topology, DEFAULT_CONFIRM_TIMEOUT, 8, packing);
    }

    @Override
    public void publish(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        permits.acquireUninterruptibly();
        ConfirmedChannel channel = null;
        try {
            channel = borrow();
            for (List<Job> message : packing.pack(jobs)) {
                Job first = message.get(0);
                if (message.size() == 1) {
                    channel.publish(
                            topology.jobsExchange(),
                            first.lane().key(),
                            properties(first),
                            JobMessageCodec.encode(first));
                } else {
                    channel.publish(
                            topology.jobsExchange(),
                            first.lane().key(),
                            properties(message),
                            JobMessageCodec.encodeAll(message));
                }
            }
            channel.awaitConfirms();
            idle.add(channel);
            channel = null;
        } catch (BrokerUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(
                    "publishing " + jobs.size() + " jobs failed: " + AmqpConnector.reason(e), e);
        } finally {
            if (channel != null) {
                channel.close();
            }
            permits.release();
        }
    }

    private ConfirmedChannel borrow() {
        ConfirmedChannel channel;
        while ((channel = idle.poll()) != null) {
            if (channel.isOpen()) {
                return channel;
            }
            channel.close();
        }
        return new ConfirmedChannel(connection, confirmTimeout);
    }

    static AMQP.BasicProperties properties(Job job) {
        Instant now = Instant.now();
        Instant submitted = job.submittedAt() != null ? job.submittedAt() : now;
        return persistentJson(job.lane(), submitted, now, job.trace())
                .messageId(job.id().toString())
                .build();
    }

    /**
     * No message_id (the body names its jobs); submitted is the earliest job's, the AMQP timestamp too. The
     * traceparent header only when every job has the same one (e.g. one batch request's texts): each job's own is in
     * the body.
     */
    static AMQP.BasicProperties properties(List<Job> jobs) {
        Instant now = Instant.now();
        Instant earliest = jobs.stream()
                .map(Job::submittedAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(now);
        return persistentJson(jobs.get(0).lane(), earliest, now, sharedTrace(jobs))
                .build();
    }

    private static TraceContext sharedTrace(List<Job> jobs) {
        TraceContext first = jobs.get(0).trace();
        for (Job job : jobs) {
            if (first == null || !first.equals(job.trace())) {
                return null;
            }
        }
        return first;
    }

    private static AMQP.BasicProperties.Builder persistentJson(
            Lane lane, Instant submitted, Instant now, TraceContext trace) {
        Map<String, Object> headers = trace == null
                ? Map.of(
                        MessageHeaders.LANE,
                        lane.key(),
                        MessageHeaders.SUBMITTED_AT,
                        UtcInstants.format(submitted),
                        MessageHeaders.PUBLISHED_AT,
                        UtcInstants.format(now))
                : Map.of(
                        MessageHeaders.LANE,
                        lane.key(),
                        MessageHeaders.SUBMITTED_AT,
                        UtcInstants.format(submitted),
                        MessageHeaders.PUBLISHED_AT,
                        UtcInstants.format(now),
                        MessageHeaders.TRACEPARENT,
                        trace.traceparent());
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .timestamp(Date.from(submitted))
                .headers(headers);
    }

    @Override
    public void close() {
        ConfirmedChannel channel;
        while ((channel = idle.poll()) != null) {
            channel.close();
        }
    }
}
