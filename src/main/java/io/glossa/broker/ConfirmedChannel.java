package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.BrokerUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A channel in publisher-confirm mode used by one thread at a time: publish some mandatory messages, then
 * {@link #awaitConfirms()} returns only when the broker confirmed every one and routed every one to a queue.
 * Any nack, timeout, return (unroutable) or closed channel is a {@link BrokerUnavailableException}; the channel is
 * then unusable and must be {@link #close() closed}.
 */
final class ConfirmedChannel implements AutoCloseable {
    private final Channel channel;
    private final Duration timeout;
    private final AtomicReference<String> returned = new AtomicReference<>();

    ConfirmedChannel(BrokerConnection connection, Duration timeout) {
        this.channel = connection.openChannel();
        this.timeout = timeout;
        try {
            channel.confirmSelect();
        } catch (IOException e) {
            close();
            throw new BrokerUnavailableException("cannot enable publisher confirms: " + AmqpConnector.reason(e), e);
        }
        // basic.return arrives before the confirm on the connection thread, so it is recorded before awaitConfirms
        // wakes
        channel.addReturnListener(r -> returned.compareAndSet(
                null,
                "message not routed by exchange '" + r.getExchange() + "' with key '" + r.getRoutingKey() + "': "
                        + r.getReplyText()));
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        try {
            channel.basicPublish(exchange, routingKey, true, properties, body);
        } catch (IOException | RuntimeException e) {
            throw new BrokerUnavailableException("publish to AMQP broker failed: " + AmqpConnector.reason(e), e);
        }
    }

    void awaitConfirms() {
        boolean allAcked;
        try {
            allAcked = channel.waitForConfirms(timeout.toMillis());
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(
                    "broker did not confirm the messages within " + timeout.toMillis() + " ms", e);
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(
                    "broker connection lost before confirming: " + AmqpConnector.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for publisher confirms", e);
        }
        // Qpid answers an unroutable mandatory message with a nack, then a return; RabbitMQ with a return, then an ack
        String unroutable = allAcked ? returned.getAndSet(null) : awaitReturn();
        if (unroutable != null) {
            throw new BrokerUnavailableException(unroutable + " (is the topology declared?)", null);
        }
        if (!allAcked) {
            throw new BrokerUnavailableException("broker nacked (refused) some of the messages", null);
        }
    }

    /** After a nack: a return for the same message may still be on its way; wait for it briefly for a better error. */
    private String awaitReturn() {
        long deadline = System.nanoTime() + 200_000_000L;
        String unroutable;
        while ((unroutable = returned.getAndSet(null)) == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return unroutable;
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // closing a broken channel: nothing more to do
        }
    }
}
