package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Publishes jobs as persistent, mandatory messages to the jobs exchange and returns only once the broker confirmed
 * (and routed) all of them. Thread-safe: each call borrows a confirm channel from a small pool, so concurrent callers
 * publish in parallel and one caller's confirms never wait for another's. A channel that saw any error is dropped.
 */
public final class AmqpJobPublisher implements JobPublisher, AutoCloseable {
    /**
     * Long enough for a slow but working broker (the embedded one on a saturated 2-core box once took over 10 s for a
     * batch of 500); a lost connection fails at once anyway, without waiting for this.
     */
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerConnection connection;
    private final Topology topology;
    private final Duration confirmTimeout;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<ConfirmedChannel> idle = new ConcurrentLinkedQueue<>();

    public AmqpJobPublisher(BrokerConnection connection, Topology topology, Duration confirmTimeout, int maxChannels) {
        if (maxChannels < 1) {
            throw new IllegalArgumentException("publisher needs at least one channel");
        }
        this.connection = connection;
        this.topology = topology;
        this.confirmTimeout = confirmTimeout;
        this.permits = new Semaphore(maxChannels);
    }

    public AmqpJobPublisher(BrokerConnection connection, Topology topology) {
        this(connection, topology, DEFAULT_CONFIRM_TIMEOUT, 8);
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
            for (Job job : jobs) {
                channel.publish(topology.jobsExchange(), job.lane().key(), properties(job),
                        JobMessageCodec.encode(job.id(), job.text(), job.rescore()));
            }
            channel.awaitConfirms();
            idle.add(channel);
            channel = null;
        } catch (BrokerUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("publishing " + jobs.size() + " jobs failed: " + AmqpConnector.reason(e), e);
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
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .messageId(job.id().toString())
                .timestamp(Date.from(submitted))
                .headers(Map.of(MessageHeaders.LANE, job.lane().key(),
                        MessageHeaders.SUBMITTED_AT, submitted.toString(),
                        MessageHeaders.PUBLISHED_AT, now.toString()))
                .build();
    }

    @Override
    public void close() {
        ConfirmedChannel channel;
        while ((channel = idle.poll()) != null) {
            channel.close();
        }
    }
}
