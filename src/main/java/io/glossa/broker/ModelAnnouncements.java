package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.glossa.pipeline.BrokerUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models fanout exchange: every subscriber (one per worker process) gets every announcement, e.g. "version X is
 * now active". The body is the model-lifecycle feature's JSON; this class only carries bytes. Subscriptions use an
 * exclusive, auto-delete, server-named queue, re-created by topology recovery after a reconnect (announcements sent
 * while disconnected are missed, so a worker should also check the store's active version when it reconnects).
 */
final class ModelAnnouncements {
    private static final Logger LOG = LoggerFactory.getLogger(ModelAnnouncements.class);

    private ModelAnnouncements() {}

    /** Publishes one announcement and waits for the broker's confirm. */
    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    public static void publish(BrokerConnection connection, Topology topology, byte[] json) {
        try (ConfirmedChannel channel = new ConfirmedChannel(connection, Duration.ofSeconds(10))) {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .timestamp(new java.util.Date())
                    .build();
            channel.publish(topology.modelsExchange(), "", properties, json);
            try {
                channel.awaitConfirms();
            } catch (BrokerUnavailableException e) {
                if (!e.getMessage().contains("not routed")) {
                    throw e;
                } // no worker is listening right now: nothing to tell
            }
        }
    }

    /** @return closes the subscription */
    public static AutoCloseable subscribe(BrokerConnection connection, Topology topology, Consumer<byte[]> listener) {
        Channel channel = connection.openChannel();
        try {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, topology.modelsExchange(), "");
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(
                        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    try {
                        listener.accept(body);
                    } catch (RuntimeException e) {
                        LOG.warn("model announcement listener failed: {}", e.toString());
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new BrokerUnavailableException(
                    "cannot subscribe to " + topology.modelsExchange() + ": " + AmqpConnector.reason(e), e);
        }
        return () -> {
            if (channel.isOpen()) {
                channel.close();
            }
        };
    }
}
