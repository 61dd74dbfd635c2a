package io.glossa.broker;

import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobPublisher;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.ResultListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker adapter's entry point for a process: connects (one connection per role, opened on first use, since
 * RabbitMQ throttles publishing connections and that must not stall consumers), declares the topology once for the
 * detected broker flavour, and hands out the publisher, consumers, result subscriptions and queue statistics.
 * Closing it closes everything it handed out.
 */
public final class AmqpBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpBroker.class);

    private final AmqpConnector connector;
    private final Topology topology;
    private final String role;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final LocalResults local = new LocalResults();
    private BrokerConnection publishing;
    private BrokerConnection consuming;
    private BrokerConnection listening;
    private AmqpJobPublisher publisher;
    private QueueStatistics statistics;

    private AmqpBroker(AmqpConnector connector, Topology topology, String role) {
        this.connector = connector;
        this.topology = topology;
        this.role = role;
    }

    /**
     * Connects (retrying for the first-connect timeout) and declares the topology.
     * @param role names the connections, e.g. {@code api}, {@code worker}, {@code serve}
     */
    public static AmqpBroker connect(AmqpEndpoint endpoint, Topology topology, ConnectSettings settings, String role) {
        AmqpBroker broker = new AmqpBroker(new AmqpConnector(endpoint, settings), topology, role);
        try {
            BrokerConnection connection = broker.publishing();
            com.rabbitmq.client.Channel declaring = connection.openChannel();
            broker.track(declaring); // stays open: topology recovery re-declares through it
            topology.declare(declaring, connection.flavour());
            LOG.info(
                    "AMQP broker {} ({}) ready, topology '{}' declared",
                    endpoint.describe(),
                    connection.flavour(),
                    topology.prefix());
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** Where, without credentials, e.g. {@code amqp://guest@127.0.0.1:5672/ (RABBITMQ)}. */
    public String describe() {
        return connector.endpoint().describe() + " (" + flavour() + ")";
    }

    public Topology topology() {
        return topology;
    }

    public BrokerFlavour flavour() {
        return publishing().flavour();
    }

    public synchronized JobPublisher jobPublisher() {
        if (publisher == null) {
            publisher = track(new AmqpJobPublisher(publishing(), topology));
        }
        return publisher;
    }

    /** Packs the jobs of a publish into messages as {@code packing} says; one per message is {@link #jobPublisher()}. */
    public synchronized JobPublisher jobPublisher(JobPacking packing) {
        return packing.jobsPerMessage() == 1
                ? jobPublisher()
                : track(new AmqpJobPublisher(publishing(), topology, packing));
    }

    /** Up to {@code jobsPerMessage} jobs per message, in at most {@link JobPacking#MAX_PACKED_BYTES}. */
    public JobPublisher jobPublisher(int jobsPerMessage) {
        return jobPublisher(JobPacking.upTo(jobsPerMessage));
    }

    public JobConsumer jobConsumer(ConsumerSettings settings) {
        return jobConsumer(settings, EnumSet.allOf(Lane.class));
    }

    public JobConsumer jobConsumer(ConsumerSettings settings, Set<Lane> lanes) {
        return jobConsumer(settings, lanes, PipelineMetrics.NONE);
    }

    /** @param metrics told of every delivery a worker thread takes (queue wait, redelivery) */
    public synchronized JobConsumer jobConsumer(ConsumerSettings settings, Set<Lane> lanes, PipelineMetrics metrics) {
        return track(new AmqpJobConsumer(consuming(), topology, settings, lanes, metrics, local));
    }

    /** @param pattern topic pattern over {@code <status>.<language>}, e.g. {@code #} or {@code done.*} */
    public synchronized AutoCloseable subscribeResults(String pattern, ResultListener listener) {
        return track(ResultSubscriber.subscribe(
                listening(), topology.resultsExchange(), pattern, ResultSubscriber.EVENTS, listener));
    }

    /**
     * Every result of every worker, once each, as an API process needs them: through the result-groups exchange (one
     * message per job message), and from the workers of this broker's own consumers in memory as they finish (those
     * groups then come back marked as this process's, and are skipped). Unlike {@link #subscribeResults}, it does
     * not hear results published by anything else on the results exchange.
     */
    public synchronized AutoCloseable followResults(ResultListener listener) {
        local.follow(listener);
        try {
            ResultSubscriber subscriber = ResultSubscriber.subscribe(
                    listening(),
                    topology.resultGroupsExchange(),
                    "",
                    (properties, body) -> {
                        Map<String, Object> headers = properties.getHeaders();
                        return headers != null && local.handedOverHere(headers.get(MessageHeaders.ORIGIN))
                                ? List.of()
                                : ResultGroupCodec.decode(body);
                    },
                    listener);
            return track(() -> {
                local.unfollow(listener);
                subscriber.close();
            });
        } catch (RuntimeException e) {
            local.unfollow(listener);
            throw e;
        }
    }

    /** Tells every subscribed worker about a model change (body: the model-lifecycle JSON); confirmed. */
    public void announceModel(byte[] json) {
        ModelAnnouncements.publish(publishing(), topology, json);
    }

    public synchronized AutoCloseable subscribeModels(java.util.function.Consumer<byte[]> listener) {
        return track(ModelAnnouncements.subscribe(listening(), topology, listener));
    }

    public synchronized QueueStatistics queueStatistics() {
        if (statistics == null) {
            statistics = track(new QueueStatistics(publishing(), topology));
        }
        return statistics;
    }

    /** Deletes this topology's exchanges and queues, e.g. a test's own topology after the test. */
    public void deleteTopology() {
        topology.delete(publishing());
    }

    /** The connection jobs are published on; also for model announcements on the models exchange. */
    synchronized BrokerConnection publishing() {
        if (publishing == null) {
            publishing = track(connector.connect(role + "-publish"));
        }
        return publishing;
    }

    private synchronized BrokerConnection consuming() {
        if (consuming == null) {
            consuming = track(connector.connect(role + "-consume"));
        }
        return consuming;
    }

    private synchronized BrokerConnection listening() {
        if (listening == null) {
            listening = track(connector.connect(role + "-results"));
        }
        return listening;
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Closes consumers before connections, in reverse order of creation. */
    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }
}
