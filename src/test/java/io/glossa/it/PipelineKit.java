package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.glossa.app.BrokerSettings;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.broker.Topology;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.store.StoreSettings;
import io.glossa.testing.TestRoles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The end-to-end suite, through HTTP, run against each deployment mode (kit style): a subclass says which store and
 * broker the serve role runs on, how to restart its broker, and how to make the database refuse a result (the
 * poison).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineKit implements ClientsKit {
    /** Texts starting with this are refused by the database trigger each backend installs (a poison job). */
    static final String POISON = "POISON";

    static final int MAX_ATTEMPTS = 3;

    protected Running running;
    protected ApiClient api;

    /** The database serve runs on; called once, before {@link #broker()}. */
    protected abstract StoreSettings store() throws Exception;

    /** The broker serve runs on (its max attempts are set to {@link #MAX_ATTEMPTS}). */
    protected abstract BrokerSettings broker() throws Exception;

    /** The AMQP URI a test client uses to look into the queues. */
    protected abstract String amqpUri();

    /** Cuts the pipeline off its broker and brings it back, while texts are flowing. */
    protected abstract void restartBroker() throws Exception;

    @Override
    public Running serve() {
        return running;
    }

    @Override
    public String clientAmqpUri() {
        return amqpUri();
    }

    /** Makes the database refuse to store a result for texts starting with {@link #POISON}. */
    protected abstract void installPoison(DataSource dataSource) throws Exception;

    protected void cleanUp() throws Exception {}

    @BeforeAll
    void startServe() throws Exception {
        StoreSettings store = store();
        running = Roles.serve(TestRoles.serve(store, TestRoles.maxAttempts(broker(), MAX_ATTEMPTS), 8));
        api = new ApiClient(running.port());
        installPoison(running.store().database().dataSource());
    }

    /** The API keys of a running process's store, checked without a cache, to issue and revoke keys in tests. */
    static io.glossa.access.ApiKeys keys(Running running) {
        return new io.glossa.access.ApiKeys(
                running.store().database().apiKeys(),
                new io.glossa.access.KeySecrets(),
                java.time.Clock.systemUTC(),
                Duration.ZERO);
    }

    @AfterAll
    void stopServe() throws Exception {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            cleanUp();
        }
    }

    @Test
    void thousandTextsAreAllAnsweredNoneLost() throws Exception {
        List<String> texts = TestTexts.sentences(1_000);
        List<String> ids = api.submitAll(texts, 64);
        assertThat(new HashSet<>(ids)).hasSize(1_000);

        List<JsonNode> records = api.awaitAll(ids, Duration.ofSeconds(120));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("done");
            assertThat(r.get("language").asText()).isNotBlank();
            assertThat(r.get("top").size()).isGreaterThan(0);
            assertThat(r.get("model_version").asText()).isNotBlank();
        });
        assertThat(resultRows(ids)).isEqualTo(1_000);
    }

    @Test
    void swedishIsSwedishEndToEnd() throws Exception {
        String id = api.submit(
                "Det var en gång en liten flicka som bodde i en stuga vid skogen tillsammans med sin mormor.");
        JsonNode record = api.awaitOne(id, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        assertThat(record.get("name").asText() + " — " + record.get("native").asText())
                .isEqualTo("Swedish — Svenska");
    }

    @Test
    void aJobDeliveredTwiceYieldsOneResult() throws Exception {
        // accepted straight into the store, so the relay does not publish it now; we deliver it twice at once
        Job job = running.store()
                .accept(List.of("Dette er en helt almindelig dansk sætning om vejret i dag."), Lane.REALTIME)
                .get(0);
        CountDownLatch events = new CountDownLatch(2);
        try (AutoCloseable subscriber = running.broker().broker().subscribeResults("#", event -> {
            if (event.id().equals(job.id())) {
                events.countDown();
            }
        })) {
            running.broker().broker().jobPublisher().publish(List.of(job, job));
            assertThat(events.await(30, TimeUnit.SECONDS))
                    .as("both deliveries handled")
                    .isTrue();
        }
        JsonNode record = ApiClient.read(api.get("/api/v1/texts/" + job.id()).body());
        assertThat(record.get("status").asText()).isEqualTo("done");
        assertThat(resultRows(List.of(job.id().toString()))).isEqualTo(1);

        String completedAt = record.get("completed_at").asText();
        running.broker().broker().jobPublisher().publish(List.of(job));
        Thread.sleep(1_000);
        assertThat(ApiClient.read(api.get("/api/v1/texts/" + job.id()).body())
                        .get("completed_at")
                        .asText())
                .isEqualTo(completedAt);
        assertThat(resultRows(List.of(job.id().toString()))).isEqualTo(1);
    }

    @Test
    void aPoisonJobReachesTheFailedQueueWithItsReasonAndTheTextShowsFailed() throws Exception {
        String id = api.submit(POISON + " this text's result is refused by the database");
        JsonNode record = api.awaitOne(id, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        assertThat(record.get("status").asText()).as(record.toString()).isEqualTo("failed");
        assertThat(record.get("error").asText())
                .contains("poisoned by the test")
                .contains(MAX_ATTEMPTS + " attempts");

        String failedQueue = new Topology(Topology.DEFAULT_PREFIX).failedQueue();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri());
        try (Connection connection = factory.newConnection("glossa-it-inspect");
                Channel channel = connection.createChannel()) {
            JsonNode failed = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (failed == null && System.nanoTime() < deadline) {
                GetResponse message = channel.basicGet(failedQueue, true);
                if (message == null) {
                    Thread.sleep(100);
                } else if (id.equals(message.getProps().getMessageId())) {
                    failed = ApiClient.read(new String(message.getBody(), StandardCharsets.UTF_8));
                }
            }
            assertThat(failed).as("the poison job in " + failedQueue).isNotNull();
            assertThat(failed.toString()).contains("poisoned by the test");
        }
    }

    /**
     * An outside producer publishes the talk's {@code {"id","text"}} with a fresh id straight to the jobs exchange,
     * twice (a producer's retry), with a question and an RPC reply queue: the worker stores the text (lane and
     * publish time), predicts it once, answers the reply queue, and the API shows it by id and on its event stream.
     */
    @Test
    void aJobFromAnOutsideProducerIsStoredPredictedOnceAndAnswered() throws Exception {
        UUID id = UUID.randomUUID();
        Topology topology = new Topology(Topology.DEFAULT_PREFIX);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri());
        byte[] body = ApiClient.JSON
                .createObjectNode()
                .put("id", id.toString())
                .put("text", "Das ist ein ganz gewöhnlicher deutscher Satz über das Wetter von heute.")
                .put("top", 2)
                .set(
                        "languages",
                        ApiClient.JSON.createArrayNode().add("de").add("nl").add("sv"))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        try (EventStreamClient events = EventStreamClient.open(running.port(), null);
                Connection connection = factory.newConnection("glossa-it-outside");
                Channel channel = connection.createChannel()) {
            // an exclusive, auto-delete reply queue: works on RabbitMQ and on Qpid alike
            String replyQueue =
                    channel.queueDeclare("", false, true, true, null).getQueue();
            java.util.concurrent.BlockingQueue<com.rabbitmq.client.Delivery> replies =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            channel.basicConsume(replyQueue, true, (tag, delivery) -> replies.add(delivery), tag -> {});
            channel.confirmSelect();
            com.rabbitmq.client.AMQP.BasicProperties properties = new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                    .deliveryMode(2)
                    .contentType("application/json")
                    .replyTo(replyQueue)
                    .correlationId("c-1")
                    .build();
            channel.basicPublish(topology.jobsExchange(), Lane.BATCH.key(), true, properties, body);
            channel.basicPublish(topology.jobsExchange(), Lane.BATCH.key(), true, properties, body);
            channel.waitForConfirmsOrDie(10_000);

            com.rabbitmq.client.Delivery reply = replies.poll(60, TimeUnit.SECONDS);
            assertThat(reply).as("an RPC reply").isNotNull();
            assertThat(reply.getProperties().getCorrelationId()).isEqualTo("c-1");
            JsonNode answer = ApiClient.read(new String(reply.getBody(), StandardCharsets.UTF_8));
            assertThat(answer.get("id").asText()).isEqualTo(id.toString());
            assertThat(answer.get("status").asText()).as(answer.toString()).isEqualTo("done");
            assertThat(answer.get("language").asText()).isEqualTo("de");
            assertThat(answer.get("top")).hasSize(2);
            assertThat(events.awaitLine(id.toString(), Duration.ofSeconds(30)))
                    .as("the result on the event stream")
                    .isTrue();
            assertThat(replies.poll(3, TimeUnit.SECONDS))
                    .as("the retry's reply")
                    .isNotNull();
        }
        JsonNode record = ApiClient.read(api.get("/api/v1/texts/" + id).body());
        assertThat(record.get("status").asText()).isEqualTo("done");
        assertThat(record.get("language").asText()).isEqualTo("de");
        assertThat(resultRows(List.of(id.toString())))
                .as("predicted and stored once")
                .isEqualTo(1);
        assertThat(storedOrigin(id)).isEqualTo("queue:batch");
    }

    /** HTTP options on the real stack: the question, Idempotency-Key and the one-round-trip wait. */
    @Test
    void submissionsCarryAQuestionAnIdempotencyKeyAndAWait() throws Exception {
        String german = "Das ist ein ganz gewöhnlicher deutscher Satz über das Wetter von heute.";
        HttpResponse<String> answered = api.post(
                "/api/v1/texts?wait=20s",
                "application/json",
                ("{\"text\":\"" + german + "\",\"languages\":[\"nl\",\"de\"],\"top\":1}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode result = ApiClient.read(answered.body());
        assertThat(result.get("status").asText()).isEqualTo("done");
        assertThat(result.get("language").asText()).isEqualTo("de");
        assertThat(result.get("top")).hasSize(1);
        // restricted to two wrong candidates, the model picks among those (or says unknown), never "de"
        JsonNode restricted = ApiClient.read(api.post(
                        "/api/v1/texts?wait=20s",
                        "application/json",
                        ("{\"text\":\"" + german + "\",\"languages\":[\"fi\",\"et\"]}")
                                .getBytes(StandardCharsets.UTF_8))
                .body());
        assertThat(restricted.get("language").asText()).isIn("fi", "et", "unknown");

        byte[] body = "{\"texts\":[\"ett\",\"två\"],\"lane\":\"batch\"}".getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.post("/api/v1/texts:batch", "application/json", body, "Idempotency-Key", key);
        HttpResponse<String> again = api.post("/api/v1/texts:batch", "application/json", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(ApiClient.read(again.body()).get("ids"))
                .isEqualTo(ApiClient.read(first.body()).get("ids"));
        HttpResponse<String> other = api.post(
                "/api/v1/texts:batch",
                "application/json",
                "{\"texts\":[\"tre\"]}".getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key",
                key);
        expect(other, 422);
        assertThat(ApiClient.read(other.body()).get("type").asText()).isEqualTo("/problems/idempotency-key-reused");

        expect(
                api.post(
                        "/api/v1/texts",
                        "application/json",
                        "{\"text\":\"hej\"}".getBytes(StandardCharsets.UTF_8),
                        "Idempotency-Key",
                        "has spaces"),
                400);
        expect(
                api.post(
                        "/api/v1/texts",
                        "application/json",
                        "{\"text\":\"hej\"}".getBytes(StandardCharsets.UTF_8),
                        "Idempotency-Key",
                        "k".repeat(256)),
                400);
        expect(
                api.post(
                        "/api/v1/texts",
                        "application/json",
                        "{\"text\":\"hej\",\"languages\":[\"xx\"]}".getBytes(StandardCharsets.UTF_8)),
                400);
        expect(
                api.post(
                        "/api/v1/texts",
                        "application/json",
                        "{\"text\":\"hej\",\"top\":0}".getBytes(StandardCharsets.UTF_8)),
                400);
        expect(
                api.post(
                        "/api/v1/texts",
                        "application/json",
                        "{\"text\":\"hej\",\"top\":\"2\"}".getBytes(StandardCharsets.UTF_8)),
                400);
    }

    /**
     * glossa failed list / show / replay on this broker: a poison job is listed with its reason, shown with its body,
     * and once its cause is gone (here: the stored text no longer starts with POISON) a replay gets it answered.
     */
    @Test
    void theFailedCommandsListShowAndReplayAFailedJob() throws Exception {
        String id = api.submit(POISON + "-REPLAY this text fails until the test cures it");
        JsonNode failed = api.awaitOne(id, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");

        String[] broker = {"--amqp-uri", amqpUri()};
        String[] list = cli("failed", "list", "--json", broker[0], broker[1]);
        assertThat(list[0]).as(list[1]).isEqualTo("0");
        JsonNode listed = list[1].lines()
                .map(ApiClient::read)
                .filter(j -> j.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("job " + id + " not listed:\n" + list[1]));
        assertThat(listed.get("reason").asText()).contains("poisoned by the test");
        assertThat(listed.get("lane").asText()).isEqualTo("realtime");
        assertThat(listed.get("replayable").asBoolean()).isTrue();

        String[] show = cli("failed", "show", id, broker[0], broker[1]);
        assertThat(ApiClient.read(show[1]).get("original").asText()).contains("POISON-REPLAY this text fails");
        String[] unknown = cli("failed", "show", UUID.randomUUID().toString(), broker[0], broker[1]);
        assertThat(unknown[0]).isNotEqualTo("0");
        assertThat(unknown[2])
                .contains("in the failed queue; glossa failed list shows them")
                .doesNotContain("Exception");

        try (java.sql.Connection connection =
                        running.store().database().dataSource().getConnection();
                java.sql.Statement cure = connection.createStatement()) {
            cure.executeUpdate("UPDATE texts SET body = 'cured ' || body WHERE body LIKE '" + POISON + "-REPLAY%'");
        }
        String[] replay = cli("failed", "replay", id, broker[0], broker[1]);
        assertThat(replay[0]).as(replay[2]).isEqualTo("0");
        assertThat(replay[1]).contains("replayed 1 job(s)");
        JsonNode answered =
                ApiClient.read(api.get("/api/v1/texts/" + id + "?wait=30s").body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answered.get("status").asText().equals("done") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answered = ApiClient.read(api.get("/api/v1/texts/" + id).body());
        }
        assertThat(answered.get("status").asText()).as(answered.toString()).isEqualTo("done");
        assertThat(cli("failed", "list", "--json", broker[0], broker[1])[1]).doesNotContain(id);
    }

    /** glossa in this JVM: {exit code, stdout, stderr}. */
    private static String[] cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine command = io.glossa.cli.Main.commandLine();
        command.setOut(new java.io.PrintWriter(out, true));
        command.setErr(new java.io.PrintWriter(err, true));
        int code = command.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /** "origin:lane" of a stored text. */
    private String storedOrigin(UUID id) throws Exception {
        DataSource dataSource = running.store().database().dataSource();
        try (java.sql.Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT id, origin, lane FROM texts WHERE origin = 'queue'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (uuid(rows.getObject(1)).equals(id)) {
                    return rows.getString(2) + ":" + rows.getString(3);
                }
            }
        }
        return null;
    }

    @Test
    void aBrokerRestartInTheMiddleOfARunLosesNothing() throws Exception {
        List<String> texts = TestTexts.sentences(600);
        List<String> ids = new ArrayList<>();
        Thread restarter = new Thread(() -> {
            try {
                Thread.sleep(700);
                restartBroker();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        restarter.start();
        for (int i = 0; i < texts.size(); i += 50) { // ~2 s of submissions around the restart
            ids.addAll(api.submitAll(texts.subList(i, i + 50), 16));
            Thread.sleep(150);
        }
        restarter.join();
        List<JsonNode> records = api.awaitAll(ids, Duration.ofSeconds(180));
        Map<String, Integer> byStatus = new ConcurrentHashMap<>();
        records.forEach(r -> byStatus.merge(r.path("status").asText(), 1, Integer::sum));
        assertThat(byStatus).as("statuses after a broker restart").containsExactly(Map.entry("done", 600));
        assertThat(resultRows(ids)).isEqualTo(600);
    }

    @Test
    void eachBadInputGetsItsProblem() throws Exception {
        expect(
                api.post("/api/v1/texts", "application/json", "{\"text\":\"  \"}".getBytes(StandardCharsets.UTF_8)),
                400);
        expect(api.post("/api/v1/texts", "application/json", "{\"text\":".getBytes(StandardCharsets.UTF_8)), 400);
        expect(
                api.post("/api/v1/texts", "application/json", new byte[] {
                    '{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}'
                }),
                400);
        expect(api.post("/api/v1/texts", "application/json", "{\"text\":[1]}".getBytes(StandardCharsets.UTF_8)), 400);
        expect(
                api.post(
                        "/api/v1/texts",
                        "application/json",
                        ("{\"text\":\"" + "a".repeat(100_001) + "\"}").getBytes(StandardCharsets.UTF_8)),
                413);
        expect(api.post("/api/v1/texts", "text/plain", "hej".getBytes(StandardCharsets.UTF_8)), 415);
        expect(api.get("/api/v1/texts/" + UUID.randomUUID()), 404);
        expect(api.get("/api/v1/texts/nope"), 400);
        expect(api.get("/nothing/here"), 404);
        assertThat(api.get("/ready").statusCode()).isEqualTo(200);
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = ApiClient.read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    /** Rows in the results table for these ids: exactly one each means no duplicate results. */
    protected int resultRows(List<String> ids) throws Exception {
        DataSource dataSource = running.store().database().dataSource();
        Set<String> wanted = new HashSet<>(ids);
        int rows = 0;
        try (java.sql.Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT text_id FROM results");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                if (wanted.contains(uuid(result.getObject(1)).toString())) {
                    rows++;
                }
            }
        }
        return rows;
    }

    /** An id as the backend returns it: PostgreSQL's uuid, or SQLite's 16-byte blob. */
    private static UUID uuid(Object column) {
        if (column instanceof byte[] bytes) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return (UUID) column;
    }

    static int freePort() {
        return TestRoles.freePort();
    }

    static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
