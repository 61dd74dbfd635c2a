package io.glossa.broker;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;

/**
 * One worker thread's two publishing channels, opened when first needed and reopened after they broke: confirmed
 * for jobs (retries, splits, the failed queue), unconfirmed for result events and RPC replies. Never shared between
 * threads, as channels must not be.
 */
final class WorkerChannels implements AutoCloseable {
    private final BrokerConnection connection;
    private final Duration confirmTimeout;
    private ConfirmedChannel confirmed;
    private Channel events;

    WorkerChannels(BrokerConnection connection, Duration confirmTimeout) {
        this.connection = connection;
        this.confirmTimeout = confirmTimeout;
    }

    ConfirmedChannel confirmed() {
        if (confirmed == null || !confirmed.isOpen()) {
            dropConfirmed();
            confirmed = new ConfirmedChannel(connection, confirmTimeout);
        }
        return confirmed;
    }

    Channel events() {
        if (events == null || !events.isOpen()) {
            events = connection.openChannel();
        }
        return events;
    }

    boolean connectionOpen() {
        return connection.isOpen();
    }

    /** After broker trouble: the next publish opens a fresh channel. */
    void dropConfirmed() {
        if (confirmed != null) {
            confirmed.close();
            confirmed = null;
        }
    }

    void dropEvents() {
        if (events != null) {
            try {
                events.abort();
            } catch (IOException | RuntimeException ignored) {
                // already broken
            }
            events = null;
        }
    }

    @Override
    public void close() {
        dropConfirmed();
        dropEvents();
    }
}
