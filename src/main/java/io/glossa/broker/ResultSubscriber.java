package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.ResultListener;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the results exchange through its own exclusive, auto-delete, server-named queue bound with a topic
 * pattern ({@code #} for everything, {@code done.sv}, {@code failed.*} ...). Events are notifications (auto-ack,
 * transient): a listener that needs certainty reads the store. Topology recovery re-creates the queue after a
 * reconnect; events published while disconnected are missed.
 */
public final class ResultSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultSubscriber.class);

    private final Channel channel;
    private final String queue;

    private ResultSubscriber(Channel channel, String queue) {
        this.channel = channel;
        this.queue = queue;
    }

    public static ResultSubscriber subscribe(BrokerConnection connection, Topology topology, String pattern,
                                             ResultListener listener) {
        Channel channel = connection.openChannel();
        try {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, topology.resultsExchange(), pattern);
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    deliver(listener, envelope, body);
                }
            });
            return new ResultSubscriber(channel, queue);
        } catch (IOException | RuntimeException e) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException ignored) {
                // reporting the first failure
            }
            throw new BrokerUnavailableException("cannot subscribe to " + topology.resultsExchange() + " with '"
                    + pattern + "': " + AmqpConnector.reason(e), e);
        }
    }

    private static void deliver(ResultListener listener, Envelope envelope, byte[] body) {
        try {
            listener.onResult(ResultEventCodec.decode(body));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored a malformed result event (routing key {}): {}", envelope.getRoutingKey(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("result listener failed on event {}: {}", envelope.getRoutingKey(), e.toString());
        }
    }

    public String queue() {
        return queue;
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // already closed
        }
    }
}
