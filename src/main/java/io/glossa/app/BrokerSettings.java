package io.glossa.app;

import com.rabbitmq.client.MetricsCollector;
import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.BrokerSession;
import io.glossa.broker.ConnectSettings;
import io.glossa.broker.ConsumerSettings;
import io.glossa.broker.EmbeddedBrokerSettings;
import io.glossa.broker.JobMessageCodec;
import io.glossa.broker.JobPacking;
import io.glossa.broker.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The broker a role uses: the one at {@code endpoint}, or (empty) the embedded broker of {@code embedded}.
 *
 * @param packing  what the API's outbox relay packs into one message
 * @param consumer the workers' prefetch, attempts and body limit (the thread count comes from {@link WorkerSettings})
 * @param relayLinger how long after its acceptance a realtime job may wait in the API's outbox relay for others to
 *                 share its message (zero: publish what has arrived at once)
 */
public record BrokerSettings(
        Optional<AmqpEndpoint> endpoint,
        EmbeddedBrokerSettings embedded,
        Topology topology,
        ConnectSettings connect,
        JobPacking packing,
        ConsumerSettings consumer,
        Duration relayLinger) {
    public static final int DEFAULT_JOBS_PER_MESSAGE = 50;
    /**
     * At 1,000 texts/s one per request, 8 ms let about 8 jobs share a publish instead of 1.8, which cut the CPU per
     * text of serve, RabbitMQ and PostgreSQL from 1.7 to 1.0 ms and the steady-state p99 from 135 to 21 ms, for 1.5 ms
     * more at the median (BENCHMARKS.md, "Latency at 1,000 texts/s").
     */
    public static final Duration DEFAULT_RELAY_LINGER = Duration.ofMillis(8);

    public BrokerSettings {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        Objects.requireNonNull(embedded, "embedded broker settings (its data dir is the role's)");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(connect, "connect settings");
        Objects.requireNonNull(packing, "job packing");
        Objects.requireNonNull(consumer, "consumer settings");
        if (relayLinger == null || relayLinger.isNegative()) {
            throw new IllegalArgumentException("relay linger must be zero or more, got " + relayLinger);
        }
    }

    /** The embedded broker under {@code dataDir} on {@code port}, with every other setting at its default. */
    public static BrokerSettings embedded(Path dataDir, int port) {
        return defaults(
                Optional.empty(),
                new EmbeddedBrokerSettings(
                        dataDir, port, EmbeddedBrokerSettings.DEFAULT_USER, EmbeddedBrokerSettings.DEFAULT_PASSWORD));
    }

    /** The broker at {@code endpoint} with queues named by {@code topology}, every other setting at its default. */
    public static BrokerSettings external(AmqpEndpoint endpoint, Topology topology) {
        return defaults(Optional.of(endpoint), EmbeddedBrokerSettings.defaults(Path.of(".")))
                .withTopology(topology);
    }

    private static BrokerSettings defaults(Optional<AmqpEndpoint> endpoint, EmbeddedBrokerSettings embedded) {
        return new BrokerSettings(
                endpoint,
                embedded,
                Topology.defaults(),
                ConnectSettings.defaults(),
                new JobPacking(
                        DEFAULT_JOBS_PER_MESSAGE,
                        Math.min(JobPacking.MAX_PACKED_BYTES, JobMessageCodec.DEFAULT_MAX_BODY_BYTES)),
                ConsumerSettings.defaults(),
                DEFAULT_RELAY_LINGER);
    }

    public BrokerSettings withTopology(Topology value) {
        return new BrokerSettings(endpoint, embedded, value, connect, packing, consumer, relayLinger);
    }

    public BrokerSettings withConsumer(ConsumerSettings value) {
        return new BrokerSettings(endpoint, embedded, topology, connect, packing, value, relayLinger);
    }

    public BrokerSettings withPacking(JobPacking value) {
        return new BrokerSettings(endpoint, embedded, topology, connect, value, consumer, relayLinger);
    }

    public BrokerSettings withRelayLinger(Duration value) {
        return new BrokerSettings(endpoint, embedded, topology, connect, packing, consumer, value);
    }

    public boolean isEmbedded() {
        return endpoint.isEmpty();
    }

    /**
     * Starts the embedded broker (if no endpoint) and connects; failures are one-line messages for the user:
     * {@link io.glossa.pipeline.BrokerUnavailableException} (unreachable after retries), {@link IllegalStateException}
     * (embedded broker cannot start, e.g. port taken; topology conflict).
     * @param role names the connections: serve, api, worker
     */
    public BrokerSession open(String role, MetricsCollector metrics) {
        ConnectSettings withMetrics = connect.withMetrics(metrics);
        return endpoint.map(e -> BrokerSession.external(e, topology, withMetrics, role))
                .orElseGet(() -> BrokerSession.embedded(embedded, topology, withMetrics, role));
    }
}
