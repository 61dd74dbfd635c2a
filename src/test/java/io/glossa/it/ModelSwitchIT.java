package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.BrokerSession;
import io.glossa.broker.ConnectSettings;
import io.glossa.broker.ModelAnnouncementCodec;
import io.glossa.broker.Topology;
import io.glossa.cli.Main;
import io.glossa.registry.ModelAnnouncement;
import io.glossa.registry.ModelAnnouncer;
import io.glossa.registry.ModelCatalog;
import io.glossa.registry.ModelEvent;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.WorkerStatus;
import io.glossa.store.Database;
import io.glossa.store.StoreSettings;
import io.glossa.testing.JarProcess;
import io.glossa.testing.TestModels;
import io.glossa.testing.TestRoles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Model distribution end to end on RabbitMQ + PostgreSQL: `glossa api` in-process, two `glossa worker` processes
 * from the jar. Activation while texts flow switches both with no lost or doubly processed job; a version whose
 * stored bytes are damaged is refused by every worker (which keep their model and report it); a shadow candidate's
 * answers are stored apart and never reach a client (GET or SSE); `glossa reverify` re-scores stored texts through
 * the batch queue with another version, reports, and changes nothing clients see.
 */
class ModelSwitchIT {
    private static final byte[] A = TestModels.builtIn();
    private static final byte[] B = TestModels.otherVersion("2027-01-01T00:00:00Z");
    private static final byte[] C = TestModels.otherVersion("2027-03-03T00:00:00Z");
    private static final String VA = TestModels.version(A);
    private static final String VB = TestModels.version(B);
    private static final String VC = TestModels.version(C);

    /** What the SSE listener saw, for a failure message. */
    private static final List<String> DIAGNOSTICS = Collections.synchronizedList(new ArrayList<>());

    @Test
    void workersSwitchOnActivationRefuseDamagedModelsAndKeepShadowAnswersFromClients() throws Exception {
        Path dir = Files.createTempDirectory("glossa-model-switch-it");
        try (ScratchBackends backends = new ScratchBackends();
                Database database = Database.open(new StoreSettings(backends.dbUrl(), "postgres", "", 2))) {
            ModelRegistry registry = database.modelRegistry(Clock.systemUTC());
            ModelCatalog catalog = new ModelCatalog(registry, ModelAnnouncer.NONE);
            catalog.add("a", A, "first");
            catalog.add("b", B, "second");
            catalog.add("c", C, "third");
            catalog.activate(VA);
            List<String> common = new ArrayList<>(backends.args());
            common.addAll(List.of("--data-dir", dir.toString()));
            List<String> workerArgs = new ArrayList<>(common);
            // announcements must do the switching: the periodic check would come too late to matter here
            workerArgs.addAll(List.of("--workers", "4", "--model-check-interval", "10m"));
            try (Running api = Roles.api(TestRoles.api(backends.store(), backends.broker()));
                    JarProcess first = worker("w1", dir, workerArgs);
                    JarProcess second = worker("w2", dir, workerArgs)) {
                awaitWorkers(registry, List.of(first, second), VA, null);
                ApiClient client = new ApiClient(api.port());
                switchWhileTextsFlow(backends, registry, database, client, first, second);
                refuseDamagedModel(backends, registry, database, client, first, second);
                shadowStaysApart(backends, registry, database, client, api.port(), first, second);
                reverifyThroughTheBatchQueue(backends, database, client, api.port(), dir, first, second);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Texts flow before, during and after `glossa models activate`: all answered, once, by A or B; later ones by B. */
    private static void switchWhileTextsFlow(
            ScratchBackends backends,
            ModelRegistry registry,
            Database database,
            ApiClient client,
            JarProcess... workers)
            throws Exception {
        List<String> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            try {
                List<String> texts = TestTexts.sentences(20);
                while (flowing.get()) {
                    during.addAll(client.submitAll(texts, 8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.start();
        awaitCondition("texts flowing before the switch", () -> during.size() >= 100, workers);
        // answered, not only submitted: workers that are still warming up must not let B answer everything
        String first = during.get(0);
        assertThat(client.awaitAll(List.of(first), Duration.ofSeconds(120))
                        .get(0)
                        .path("model_version")
                        .asText())
                .as("a text answered by A before the switch")
                .isEqualTo(VA);

        int exit = Main.commandLine()
                .execute(
                        "models",
                        "activate",
                        VB,
                        "--amqp-uri",
                        backends.amqpUri(),
                        "--db-url",
                        backends.dbUrl(),
                        "--db-user",
                        "postgres");
        assertThat(exit).isZero();
        awaitWorkers(registry, List.of(workers), VB, null);
        int whenSwitched = during.size();
        awaitCondition("texts flowing after the switch", () -> during.size() >= whenSwitched + 100, workers);
        flowing.set(false);
        sender.join();
        List<String> after = client.submitAll(TestTexts.sentences(100), 16);

        List<String> all = new ArrayList<>(during);
        all.addAll(after);
        Map<String, String> versions = answeredVersions(client, all);
        assertThat(versions.values())
                .as("every text answered, by one of the two versions")
                .containsOnly(VA, VB)
                .contains(VA, VB);
        assertThat(after).allSatisfy(id -> assertThat(versions.get(id)).isEqualTo(VB));
        assertThat(resultsPerText(database, all))
                .as("one stored result per text: no job handled twice")
                .containsOnly(1);
    }

    /** C's stored bytes are damaged after it was added; activating it behind the CLI's check reaches the workers. */
    private static void refuseDamagedModel(
            ScratchBackends backends,
            ModelRegistry registry,
            Database database,
            ApiClient client,
            JarProcess... workers)
            throws Exception {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement damage = c.prepareStatement("UPDATE models SET body = ? WHERE version = ?")) {
            damage.setBytes(1, TestModels.corrupted(C));
            damage.setString(2, VC);
            assertThat(damage.executeUpdate()).isOne();
        }
        assertThat(Main.commandLine()
                        .execute("models", "activate", VC, "--db-url", backends.dbUrl(), "--db-user", "postgres"))
                .as("the CLI verifies the stored bytes first")
                .isEqualTo(1);
        ModelEvent forced = registry.record(ModelEvent.Action.ACTIVATE, VC);
        announce(backends, ModelAnnouncement.of(forced));

        awaitCondition(
                "both workers refusing " + VC,
                () -> registry.refusals().stream()
                                .filter(r -> r.version().equals(VC))
                                .count()
                        == 2,
                workers);
        assertThat(registry.refusals()).allSatisfy(r -> assertThat(r.reason()).contains("sha256"));
        assertThat(registry.workers()).extracting(WorkerStatus::activeVersion).containsOnly(VB);
        List<String> ids = client.submitAll(TestTexts.sentences(50), 16);
        assertThat(answeredVersions(client, ids).values())
                .as("the workers kept B")
                .containsOnly(VB);
        registry.record(ModelEvent.Action.ROLLBACK, VB);
    }

    /** A shadows B: the shadow table fills with A's answers, while GET and SSE only ever show B. */
    private static void shadowStaysApart(
            ScratchBackends backends,
            ModelRegistry registry,
            Database database,
            ApiClient client,
            int port,
            JarProcess... workers)
            throws Exception {
        assertThat(Main.commandLine()
                        .execute(
                                "models",
                                "shadow",
                                VA,
                                "--amqp-uri",
                                backends.amqpUri(),
                                "--db-url",
                                backends.dbUrl(),
                                "--db-user",
                                "postgres"))
                .isZero();
        awaitWorkers(registry, List.of(workers), VB, VA);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Thread listener = listen(port, events);
        awaitCondition("the event stream open", () -> !events.isEmpty(), workers);
        List<String> ids = client.submitAll(TestTexts.sentences(60), 16);
        Map<String, String> versions = answeredVersions(client, ids);
        assertThat(versions.values()).containsOnly(VB);
        awaitCondition("shadow answers stored", () -> count(database, "shadow_results", ids) == ids.size(), workers);
        Set<String> idSet = new HashSet<>(ids);
        awaitCondition(
                "result events for every text", () -> eventIds(events, idSet).equals(idSet), workers);
        listener.interrupt();
        assertThat(eventsFor(events, idSet))
                .allSatisfy(e -> assertThat(e.get("model_version").asText()).isEqualTo(VB));
        assertThat(count(database, "results", ids))
                .as("the shadow wrote nothing into results")
                .isEqualTo(ids.size());
    }

    /** 40 texts answered by B, two of them labelled (one right, one wrong); re-verified with A (same weights). */
    private static void reverifyThroughTheBatchQueue(
            ScratchBackends backends, Database database, ApiClient client, int port, Path dir, JarProcess... workers)
            throws Exception {
        java.time.Instant since = java.time.Instant.now().minusMillis(5);
        List<String> ids = client.submitAll(TestTexts.sentences(40), 16);
        List<JsonNode> records = client.awaitAll(ids, Duration.ofSeconds(120));
        String language = records.get(0).get("language").asText();
        String other = language.equals("sv") ? "no" : "sv";
        for (String[] label : new String[][] {{ids.get(0), language}, {ids.get(1), other}}) {
            assertThat(client.post(
                                    "/api/v1/texts/" + label[0] + "/feedback",
                                    "application/json",
                                    ("{\"language\":\"" + label[1] + "\"}").getBytes(StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(201);
        }
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Thread listener = listen(port, events);
        awaitCondition("the event stream open", () -> !events.isEmpty(), workers);
        Path out = dir.resolve("reports");

        java.io.StringWriter stdout = new java.io.StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(stdout, true));
        int exit = cli.execute(
                "reverify",
                "--model",
                VA,
                "--since",
                since.toString(),
                "--out",
                out.toString(),
                "--amqp-uri",
                backends.amqpUri(),
                "--db-url",
                backends.dbUrl(),
                "--db-user",
                "postgres");

        assertThat(exit).as(stdout.toString()).isZero();
        Path json;
        try (var files = Files.list(out)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode report = ApiClient.read(Files.readString(json));
        assertThat(report.get("model_version").asText()).isEqualTo(VA);
        assertThat(report.get("total").asLong()).isEqualTo(40);
        assertThat(report.get("scored").asLong()).isEqualTo(40);
        assertThat(report.get("agreement").asDouble())
                .as("A and B share their weights")
                .isEqualTo(1.0);
        assertThat(report.get("labelled").asLong()).isEqualTo(2);
        assertThat(report.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(report.get("stored_accuracy").asDouble()).isEqualTo(0.5);
        assertThat(report.get("changes")).isEmpty();
        assertThat(stdout.toString()).contains("agreement with the stored predictions: 100.00% (40 of 40)");
        JsonNode run = ApiClient.read(
                client.get("/api/v1/reverify/" + report.get("run").asText()).body());
        assertThat(run.get("status").asText()).isEqualTo("finished");
        assertThat(run.get("report").get("scored").asLong()).isEqualTo(40);

        assertThat(answeredVersions(client, ids).values())
                .as("clients still see B")
                .containsOnly(VB);
        assertThat(resultsPerText(database, ids))
                .as("no result added for clients")
                .containsOnly(1);
        listener.interrupt();
        // The clients' own answers (B) may still reach a stream opened just after GET saw them stored: the event
        // travels through the broker after the store write. Re-verify answers (A) must never reach it.
        assertThat(eventsFor(events, new HashSet<>(ids)))
                .as("no result event for re-verify jobs")
                .allSatisfy(e -> assertThat(e.get("model_version").asText()).isEqualTo(VB));
    }

    private static void announce(ScratchBackends backends, ModelAnnouncement announcement) {
        try (BrokerSession session = BrokerSession.external(
                AmqpEndpoint.parse(backends.amqpUri(), "guest", "guest"),
                Topology.defaults(),
                ConnectSettings.defaults(),
                "test")) {
            session.broker().announceModel(ModelAnnouncementCodec.encode(announcement));
        }
    }

    private static void awaitWorkers(ModelRegistry registry, List<JarProcess> workers, String active, String shadow)
            throws InterruptedException {
        awaitCondition(
                "both workers on " + active + (shadow == null ? "" : " with shadow " + shadow),
                () -> {
                    List<WorkerStatus> statuses = registry.workers();
                    return statuses.size() == 2
                            && statuses.stream()
                                    .allMatch(w -> w.activeVersion().equals(active)
                                            && java.util.Objects.equals(w.shadowVersion(), shadow));
                },
                workers.toArray(JarProcess[]::new));
    }

    private static void awaitCondition(String what, BooleanSupplier condition, JarProcess... workers)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            for (JarProcess worker : workers) {
                if (!worker.isAlive()) {
                    throw new AssertionError("a worker died while waiting for " + what + ":\n" + worker.tail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "not reached within 120 s: " + what + "\n" + workers[0].tail() + "\n" + DIAGNOSTICS);
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, String> answeredVersions(ApiClient client, List<String> ids)
            throws InterruptedException {
        List<JsonNode> records = client.awaitAll(ids, Duration.ofSeconds(120));
        assertThat(records).extracting(r -> r.path("status").asText()).containsOnly("done");
        Map<String, String> versions = new HashMap<>();
        for (JsonNode record : records) {
            versions.put(record.get("id").asText(), record.get("model_version").asText());
        }
        return versions;
    }

    private static List<Integer> resultsPerText(Database database, List<String> ids) throws Exception {
        List<Integer> counts = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM results WHERE text_id = ?")) {
            for (String id : ids) {
                select.setObject(1, java.util.UUID.fromString(id));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    counts.add(rows.getInt(1));
                }
            }
        }
        return counts;
    }

    private static int count(Database database, String table, List<String> ids) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE text_id = ?")) {
            int total = 0;
            for (String id : ids) {
                select.setObject(1, java.util.UUID.fromString(id));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    total += rows.getInt(1);
                }
            }
            return total;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects SSE lines; an initial marker line proves the stream is open before texts are sent. */
    private static Thread listen(int port, List<String> lines) {
        Thread thread = new Thread(() -> {
            try {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpResponse<java.io.InputStream> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                lines.add("(open)");
                DIAGNOSTICS.add("sse: status " + response.statusCode());
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (!Thread.currentThread().isInterrupted() && (line = reader.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            lines.add(line.substring(5).strip());
                        } else if (DIAGNOSTICS.size() < 20) {
                            DIAGNOSTICS.add("sse: " + line);
                        }
                    }
                }
                DIAGNOSTICS.add("sse: stream ended");
            } catch (Exception e) {
                DIAGNOSTICS.add("sse: " + e); // also when interrupted at the end of the test
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static JarProcess worker(String name, Path dir, List<String> args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("worker"));
        command.addAll(args);
        return JarProcess.start(name, JarProcess.packagedJar(), dir, Map.of(), command.toArray(String[]::new));
    }

    private static Set<String> eventIds(List<String> lines, Set<String> ids) {
        Set<String> seen = new HashSet<>();
        eventsFor(lines, ids).forEach(e -> seen.add(e.get("id").asText()));
        return seen;
    }

    private static List<JsonNode> eventsFor(List<String> lines, Set<String> ids) {
        List<JsonNode> events = new ArrayList<>();
        synchronized (lines) {
            for (String line : lines) {
                if (line.startsWith("{")) {
                    JsonNode event = ApiClient.read(line);
                    if (ids.contains(event.path("id").asText())) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
