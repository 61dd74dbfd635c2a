package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.glossa.concurrent.Backoff;
import io.glossa.concurrent.Threads;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the results exchange through its own exclusive, auto-delete, server-named queue bound with a topic
 * pattern ({@code #} for everything, {@code done.sv}, {@code failed.*} ...), or to the result-groups exchange. Events
 * are notifications (auto-ack, transient): a listener that needs certainty reads the store. Topology recovery
 * re-creates the queue after a reconnect, and a channel the broker closed is replaced; events published meanwhile
 * are missed.
 */
final class ResultSubscriber implements AutoCloseable {
    /** Turns a message into the events it carries; none for one to skip. */
    interface Reader {
        /** @throws IllegalArgumentException if the body is not what the exchange carries */
        List<ResultEvent> read(AMQP.BasicProperties properties, byte[] body);
    }

    /** The results exchange's bodies: one event each. */
    static final Reader EVENTS = (properties, body) -> List.of(ResultEventCodec.decode(body));

    private static final Logger LOG = LoggerFactory.getLogger(ResultSubscriber.class);
    /** Pauses between tries to subscribe again after the broker went away. */
    private static final Backoff RESUBSCRIBE = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    private final BrokerConnection connection;
    private final String exchange;
    private final String pattern;
    private final Reader reader;
    private final ResultListener listener;
    private volatile Channel channel;
    private volatile String queue;
    private volatile boolean closed;

    private ResultSubscriber(
            BrokerConnection connection, String exchange, String pattern, Reader reader, ResultListener listener) {
        this.connection = connection;
        this.exchange = exchange;
        this.pattern = pattern;
        this.reader = reader;
        this.listener = listener;
    }

    /** The events on {@code exchange} whose routing key matches {@code pattern}, read by {@code reader}. */
    static ResultSubscriber subscribe(
            BrokerConnection connection, String exchange, String pattern, Reader reader, ResultListener listener) {
        ResultSubscriber subscriber = new ResultSubscriber(connection, exchange, pattern, reader, listener);
        subscriber.open();
        return subscriber;
    }

    private void open() {
        Channel fresh = connection.openChannel();
        try {
            String name = fresh.queueDeclare("", false, true, true, null).getQueue();
            fresh.queueBind(name, exchange, pattern);
            fresh.basicConsume(name, true, new DefaultConsumer(fresh) {
                @Override
                public void handleDelivery(
                        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    deliver(envelope, properties, body);
                }

                @Override
                public void handleCancel(String tag) {
                    // RabbitMQ cancels the consumer when its queue is deleted
                    LOG.warn("broker cancelled the result subscription; subscribing again");
                    abandon(fresh);
                    startReopening();
                }
            });
            fresh.addShutdownListener(cause -> {
                // connection failures are auto-recovered; a channel the broker closed by itself is not
                if (channel == fresh && !cause.isHardError() && !cause.isInitiatedByApplication()) {
                    LOG.warn(
                            "broker closed the result subscription's channel ({}); subscribing again",
                            cause.getMessage());
                    startReopening();
                }
            });
            channel = fresh;
            queue = name;
        } catch (IOException | RuntimeException e) {
            try {
                fresh.abort();
            } catch (IOException | RuntimeException ignored) {
                // reporting the first failure
            }
            throw new BrokerUnavailableException(
                    "cannot subscribe to " + exchange + " with '" + pattern + "': " + AmqpConnector.reason(e), e);
        }
    }

    private void startReopening() {
        if (closed) {
            return;
        }
        Thread retry = Threads.daemon("results-resubscribe", this::reopen);
        retry.start();
    }

    private void abandon(Channel old) {
        if (channel == old) {
            channel = null;
        }
        try {
            old.abort();
        } catch (IOException | RuntimeException ignored) {
            // replacing it anyway
        }
    }

    /** The channel in use (tests). */
    Channel channel() {
        return channel;
    }

    private void reopen() {
        Backoff.Retries retries = RESUBSCRIBE.retries();
        while (!closed) {
            try {
                open();
                return;
            } catch (BrokerUnavailableException e) {
                long pause = retries.next().toMillis();
                LOG.warn("result subscription not restored yet: {}; retrying in {} ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void deliver(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        List<ResultEvent> events;
        try {
            events = reader.read(properties, body);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "ignored a malformed message on {} (routing key {}): {}",
                    exchange,
                    envelope.getRoutingKey(),
                    e.getMessage());
            return;
        }
        for (ResultEvent event : events) {
            try {
                listener.onResult(event);
            } catch (RuntimeException e) {
                LOG.warn("result listener failed on event {}: {}", event.id(), e.toString());
            }
        }
    }

    /** The server-named queue (it changes after a reconnect). */
    public String queue() {
        return queue;
    }

    @Override
    public void close() {
        closed = true;
        Channel current = channel;
        try {
            if (current != null && current.isOpen()) {
                current.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // already closed
        }
    }
}
