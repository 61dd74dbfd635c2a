package io.glossa.broker;

import java.util.Optional;

/** A connected {@link AmqpBroker} and, in embedded mode, the in-process broker it talks to (stopped last). */
public record BrokerSession(AmqpBroker broker, Optional<EmbeddedBroker> embedded) implements AutoCloseable {
    /** Starts the embedded broker, then connects to it; stops it again if connecting fails. */
    public static BrokerSession embedded(
            EmbeddedBrokerSettings settings, Topology topology, ConnectSettings connect, String role) {
        EmbeddedBroker embedded = EmbeddedBroker.start(settings);
        try {
            return new BrokerSession(
                    AmqpBroker.connect(embedded.endpoint(), topology, connect, role), Optional.of(embedded));
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    public static BrokerSession external(
            AmqpEndpoint endpoint, Topology topology, ConnectSettings connect, String role) {
        return new BrokerSession(AmqpBroker.connect(endpoint, topology, connect, role), Optional.empty());
    }

    /** For logs and /ready: where the broker is, without credentials. */
    public String describe() {
        return embedded.map(EmbeddedBroker::describe).orElseGet(broker::describe);
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            embedded.ifPresent(EmbeddedBroker::close);
        }
    }
}
