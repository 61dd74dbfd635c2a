package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.Lane;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queue depths and consumer counts of the realtime, batch and failed queues via passive declares, for readiness
 * and metrics. A passive declare of a missing queue closes the channel, so each read may open a fresh one.
 */
public final class QueueStatistics implements AutoCloseable {
    private final BrokerConnection connection;
    private final Topology topology;
    private Channel channel;

    public QueueStatistics(BrokerConnection connection, Topology topology) {
        this.connection = connection;
        this.topology = topology;
    }

    /** @throws BrokerUnavailableException when the broker cannot be asked */
    public synchronized List<QueueStats> snapshot() {
        List<QueueStats> stats = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            stats.add(stats(topology.queue(lane)));
        }
        stats.add(stats(topology.failedQueue()));
        return stats;
    }

    public synchronized QueueStats stats(String queue) {
        if (!connection.isOpen()) {
            throw new BrokerUnavailableException("AMQP connection is down", null);
        }
        try {
            AMQP.Queue.DeclareOk ok = channel().queueDeclarePassive(queue);
            return new QueueStats(queue, true, ok.getMessageCount(), ok.getConsumerCount());
        } catch (IOException e) {
            channel = null;
            if (AmqpErrors.replyCode(e) == AmqpErrors.NOT_FOUND) {
                return new QueueStats(queue, false, 0, 0);
            }
            throw new BrokerUnavailableException("cannot read queue " + queue + ": " + AmqpConnector.reason(e), e);
        } catch (RuntimeException e) {
            channel = null;
            throw new BrokerUnavailableException("cannot read queue " + queue + ": " + AmqpConnector.reason(e), e);
        }
    }

    /** True when the broker answers. */
    public boolean isReady() {
        try {
            snapshot();
            return true;
        } catch (BrokerUnavailableException e) {
            return false;
        }
    }

    private Channel channel() {
        if (channel == null || !channel.isOpen()) {
            channel = connection.openChannel();
        }
        return channel;
    }

    @Override
    public synchronized void close() {
        if (channel != null && channel.isOpen()) {
            try {
                channel.close();
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ignored) {
                // closing
            }
        }
    }
}
