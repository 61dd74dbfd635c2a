package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.glossa.broker.AmqpBroker;
import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.ConnectSettings;
import io.glossa.broker.ConsumerSettings;
import io.glossa.broker.Topology;
import io.glossa.model.LanguageModel;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.JobOutcome;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.PredictionHandler;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker stored the results of a multi-job message and died before its ack: RabbitMQ redelivers the message, the
 * delivery policy splits it, each job is handled alone, and every text still has exactly one result, unchanged.
 * Real PostgreSQL and RabbitMQ; the dying worker is a plain channel that takes the message and closes unacked.
 */
class RedeliveredMultiJobIT {
    @RegisterExtension
    static final ScratchPostgres POSTGRES = ScratchPostgres.perClass("glossa_it_", "redeliver_");

    private static final String URI = System.getProperty("glossa.rabbitmq.uri", "amqp://guest:guest@127.0.0.1:5672/");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRedeliveredMultiJobMessageIsSplitAndEveryTextKeepsExactlyOneResult() throws Exception {
        Topology topology =
                new Topology("redeliver-it-" + UUID.randomUUID().toString().substring(0, 8));
        try (JdbcTextStore store = JdbcTextStore.open(POSTGRES.freshSchema());
                AmqpBroker broker = AmqpBroker.connect(
                        AmqpEndpoint.parse(URI, "guest", "guest"),
                        topology,
                        ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10)),
                        "redeliver-it")) {
            try {
                List<Job> jobs = store.accept(
                        List.of(
                                "Det här är en helt vanlig svensk mening om vädret.",
                                "Dies ist ein ganz normaler deutscher Satz über das Wetter.",
                                "Ceci est une phrase française tout à fait ordinaire sur la météo."),
                        Lane.REALTIME);
                LanguageModel model = LanguageModel.loadDefault();
                CountingHandler handler = new CountingHandler(
                        new PredictionHandler(store, () -> model, 3, Clock.systemUTC(), PipelineMetrics.NONE));

                // the first worker: stores all three results in one transaction, then dies before its ack
                broker.jobPublisher(50).publish(jobs);
                handler.delegate.handleAll(jobs);
                Map<UUID, TextRecord> first = records(store, jobs);
                dieHoldingTheMessage(topology);

                JobConsumer worker = broker.jobConsumer(ConsumerSettings.defaults());
                try {
                    worker.start(handler);
                    awaitEachHandledAlone(handler, jobs);
                } finally {
                    worker.close();
                }
                assertThat(handler.together)
                        .as("the redelivered message is not handled as a whole again")
                        .hasValue(0);
                assertThat(records(store, jobs))
                        .as("each text's result is the first one, unchanged")
                        .isEqualTo(first);
                for (Job job : jobs) {
                    assertThat(first.get(job.id()).status()).isEqualTo(TextStatus.DONE);
                    assertThat(resultRows(store, job.id()))
                            .as("result rows of %s", job.id())
                            .isEqualTo(1);
                }
            } finally {
                broker.deleteTopology();
            }
        }
    }

    /** Takes the (one) multi-job message without acking it and closes its channel: the broker redelivers it. */
    private static void dieHoldingTheMessage(Topology topology) throws Exception {
        // a plain client connection of its own: the broker adapter keeps its connections to itself
        AmqpEndpoint endpoint = AmqpEndpoint.parse(URI, "guest", "guest"); // its vhost: "/" for a bare "/"
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername(endpoint.username());
        factory.setPassword(endpoint.password());
        factory.setVirtualHost(endpoint.virtualHost());
        try (Connection connection = factory.newConnection(endpoint.addresses(), "redeliver-it-die");
                Channel channel = connection.createChannel()) {
            GetResponse message = channel.basicGet(topology.queue(Lane.REALTIME), false);
            assertThat(message).as("the published message").isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                    .as("one multi-job message")
                    .startsWith("{\"jobs\":");
        }
    }

    private static void awaitEachHandledAlone(CountingHandler handler, List<Job> jobs) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!jobs.stream().allMatch(j -> handler.alone.getOrDefault(j.id(), 0) >= 1)) {
            assertThat(System.nanoTime())
                    .as("each job handled alone within %s", WAIT)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(500); // a second, wrong delivery would arrive in this time
        assertThat(handler.alone)
                .as("each job handled alone exactly once")
                .allSatisfy((id, calls) -> assertThat(calls).isEqualTo(1));
    }

    private static Map<UUID, TextRecord> records(JdbcTextStore store, List<Job> jobs) {
        Map<UUID, TextRecord> records = new ConcurrentHashMap<>();
        jobs.forEach(job -> records.put(job.id(), store.find(job.id()).orElseThrow()));
        return records;
    }

    private static long resultRows(JdbcTextStore store, UUID id) throws Exception {
        try (java.sql.Connection connection = store.database().dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM results WHERE text_id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The real handler, counting how it is called. */
    private static final class CountingHandler implements JobHandler {
        final PredictionHandler delegate;
        final Map<UUID, Integer> alone = new ConcurrentHashMap<>();
        final AtomicInteger together = new AtomicInteger();

        CountingHandler(PredictionHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Result handle(Job job) throws Exception {
            alone.merge(job.id(), 1, Integer::sum);
            return delegate.handle(job);
        }

        @Override
        public List<JobOutcome> handleAll(List<Job> jobs) throws InterruptedException {
            together.incrementAndGet();
            return delegate.handleAll(jobs);
        }

        @Override
        public void giveUp(Job job, String reason) throws Exception {
            delegate.giveUp(job, reason);
        }
    }
}
