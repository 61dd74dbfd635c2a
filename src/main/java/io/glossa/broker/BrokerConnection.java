package io.glossa.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.glossa.pipeline.BrokerUnavailableException;
import java.io.IOException;

/** An open (auto-recovering) connection and the flavour of the broker behind it. */
record BrokerConnection(Connection connection, BrokerFlavour flavour) implements AutoCloseable {
    public Channel openChannel() {
        try {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new IOException("no free channel numbers on this connection");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            throw new BrokerUnavailableException("cannot open an AMQP channel: " + AmqpConnector.reason(e), e);
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        try {
            if (connection.isOpen()) {
                connection.close(5_000);
            }
        } catch (IOException | RuntimeException e) {
            connection.abort(1_000);
        }
    }
}
