package io.glossa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.JarProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover test of the operations issue: the pipeline (one {@code glossa api}, two {@code glossa worker}
 * processes) runs against the 3-node cluster of scripts/rabbitmq-cluster.sh and PostgreSQL while
 * {@code glossa load} drives it; meanwhile one RabbitMQ node is killed with SIGKILL and later restarted.
 * Every accepted text must end with exactly one result: 0 lost, 0 duplicated (counted per id in PostgreSQL).
 *
 * <p>Slow (about two minutes) and it starts three RabbitMQ nodes, so it runs only when asked:
 * {@code GLOSSA_CLUSTER_IT=1 mvn -B verify -Dit.test=ClusterFailoverIT} (or {@code -Dglossa.clusterIT=true}).
 */
@EnabledIf("enabled")
class ClusterFailoverIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIT.class);
    private static final String REALTIME_QUEUE = "glossa.jobs.realtime";
    // Modest on purpose: the test is about failover, not capacity, and the 2-core machine runs 3 RabbitMQ nodes,
    // PostgreSQL and four JVMs at once.
    private static final int RATE = 100;
    private static final Duration LOAD_DURATION = Duration.ofSeconds(75);
    private static final Duration BEFORE_KILL = Duration.ofSeconds(15);
    private static final Duration NODE_DOWN = Duration.ofSeconds(15);

    // The test logs at INFO, which the test logback config hides: the run's story also goes to
    // target/cluster-it/report.txt.
    private static Path reportFile;

    static boolean enabled() {
        return "1".equals(System.getenv("GLOSSA_CLUSTER_IT")) || Boolean.getBoolean("glossa.clusterIT");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aNodeKilledAndRestartedDuringALoadLosesAndDuplicatesNothing() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "cluster-it")).toAbsolutePath();
        reportFile = work.resolve("report.txt");
        Files.writeString(reportFile, "");
        Path jar =
                Path.of(System.getProperty("glossa.jar", "target/glossa.jar")).toAbsolutePath();
        Path data = Path.of(System.getProperty("glossa.sharedData", "../shared/data"), "leipzig_sentences.tsv")
                .toAbsolutePath();
        assertThat(jar).as("build the jar first: mvn -B package -DskipTests").exists();
        assertThat(data).as("shared data (see BRIEF)").exists();

        try (RabbitCluster cluster = new RabbitCluster(
                        Path.of("scripts", "rabbitmq-cluster.sh").toAbsolutePath(), work.resolve("rabbit"));
                ScratchDatabase db = ScratchDatabase.create("failover")) {
            cluster.start();
            Map<String, String> env = Map.of(
                    "GLOSSA_AMQP_URI", cluster.uris(),
                    "GLOSSA_DB_URL", db.url(),
                    "GLOSSA_DB_USER", db.user());
            int apiPort = freePort();
            List<JarProcess> processes = new ArrayList<>();
            try {
                JarProcess api = JarProcess.start("api", jar, work, env, "api", "--port", Integer.toString(apiPort));
                processes.add(api);
                api.awaitHttpOk(URI.create("http://127.0.0.1:" + apiPort + "/ready"), Duration.ofSeconds(90));
                for (int i = 1; i <= 2; i++) {
                    int metricsPort = freePort();
                    JarProcess worker = JarProcess.start("worker" + i, jar, work, env, workerArgs(metricsPort));
                    processes.add(worker);
                    worker.awaitHttpOk(
                            URI.create("http://127.0.0.1:" + metricsPort + "/ready"), Duration.ofSeconds(90));
                }
                note("cluster before the run:\n{}", cluster.status());

                int consumersBefore = cluster.consumers(1, REALTIME_QUEUE);
                // Chosen before the load: the CLI is slow on a busy machine, and the clients connect at start-up.
                int victim = busiestNode(cluster);
                note(
                        "realtime queue leader: node {}; will kill node {} (most client connections)",
                        cluster.leaderOf(REALTIME_QUEUE),
                        victim);

                long t0 = System.nanoTime();
                JarProcess load = JarProcess.start(
                        "load",
                        jar,
                        work,
                        Map.of(),
                        "load",
                        "--url",
                        "http://127.0.0.1:" + apiPort,
                        "--rate",
                        Integer.toString(RATE),
                        "--duration",
                        LOAD_DURATION.toSeconds() + "s",
                        "--drain-timeout",
                        "120s",
                        "--data",
                        data.toString(),
                        "--json");
                processes.add(load);
                Thread.sleep(BEFORE_KILL.toMillis());
                cluster.kill(victim);
                note("t+{}s: killed node {}", seconds(t0), victim);
                Thread.sleep(NODE_DOWN.toMillis());
                note("cluster with node {} down:\n{}", victim, cluster.status());
                cluster.restart(victim);
                note(
                        "t+{}s: node {} back (load sends until t+{}s):\n{}",
                        seconds(t0),
                        victim,
                        LOAD_DURATION.toSeconds(),
                        cluster.status());

                int consumersAfter = awaitConsumers(cluster, victim, consumersBefore, Duration.ofSeconds(60));
                note(
                        "consumers on {}: {} before the kill, {} after the restart",
                        REALTIME_QUEUE,
                        consumersBefore,
                        consumersAfter);

                int exit = load.awaitExit(LOAD_DURATION.plus(Duration.ofMinutes(4)));
                JsonNode loadReport = lastJsonLine(load.output());
                note("load report: {}", loadReport);
                long accepted = loadReport.get("accepted").asLong();
                assertThat(exit)
                        .as("glossa load exit code (1 = something lost); log:\n" + load.tail())
                        .isZero();
                assertThat(loadReport.get("lost").asLong())
                        .as("accepted texts without a result (lost)")
                        .isZero();
                assertEveryTextHasExactlyOneResult(db, accepted);
                // The API commits to PostgreSQL before it answers, so a broker node going away must not make it refuse
                // texts.
                assertThat(loadReport.get("rejected").asLong())
                        .as("texts the API refused (see api.log)")
                        .isZero();
                assertThat(accepted).as("accepted").isGreaterThan(RATE * LOAD_DURATION.toSeconds() / 2);
                assertThat(consumersAfter)
                        .as("realtime consumers after the restart (workers reconnected)")
                        .isEqualTo(consumersBefore);
                assertThat(cluster.onlineReplicas(victim, REALTIME_QUEUE))
                        .as("online replicas of the realtime queue after the restart")
                        .isEqualTo(3);
            } finally {
                Collections.reverse(processes);
                for (JarProcess process : processes) {
                    process.close();
                }
            }
        }
    }

    /** Waits until the queue has {@code expected} consumers again (clients recover after a delay); returns the last count. */
    private static int awaitConsumers(RabbitCluster cluster, int askNode, int expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int count = cluster.consumers(askNode, REALTIME_QUEUE);
        while (count != expected && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            count = cluster.consumers(askNode, REALTIME_QUEUE);
        }
        return count;
    }

    /** {@code -Dglossa.it.model=FILE} runs the workers with that model instead of the built-in one. */
    private static String[] workerArgs(int metricsPort) {
        List<String> args =
                new ArrayList<>(List.of("worker", "--workers", "2", "--metrics-port", Integer.toString(metricsPort)));
        String model = System.getProperty("glossa.it.model", "");
        if (!model.isBlank()) {
            args.addAll(List.of("--model", Path.of(model).toAbsolutePath().toString()));
        }
        return args.toArray(String[]::new);
    }

    private static void assertEveryTextHasExactlyOneResult(ScratchDatabase db, long accepted) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            long texts = single(statement, "SELECT count(*) FROM texts");
            long done = single(statement, "SELECT count(*) FROM texts WHERE status = 'done'");
            long withoutResult = single(
                    statement,
                    "SELECT count(*) FROM texts t WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.text_id = t.id)");
            long duplicated = single(
                    statement,
                    "SELECT count(*) FROM (SELECT text_id FROM results GROUP BY text_id HAVING count(*) > 1) d");
            long results = single(statement, "SELECT count(*) FROM results");
            long outbox = single(statement, "SELECT count(*) FROM outbox");
            note(
                    "PostgreSQL: texts {}, done {}, results {}, texts without a result {}, ids with >1 result {}, outbox {}",
                    texts,
                    done,
                    results,
                    withoutResult,
                    duplicated,
                    outbox);
            assertThat(texts).as("texts stored = texts accepted").isEqualTo(accepted);
            assertThat(withoutResult).as("texts without a result (lost)").isZero();
            assertThat(duplicated)
                    .as("texts with more than one result (duplicated)")
                    .isZero();
            assertThat(results).as("one result per text").isEqualTo(texts);
            assertThat(done).as("texts done").isEqualTo(texts);
            assertThat(outbox).as("outbox rows left unpublished").isZero();
        }
    }

    /** The node with the most client connections, so that killing it forces clients to reconnect elsewhere. */
    private static int busiestNode(RabbitCluster cluster) {
        // A connection's pid names its node: <glossa2@localhost.1700000000.1234.0>
        String pids = cluster.ctl(1, "list_connections", "pid");
        int best = 1;
        long bestCount = -1;
        for (int n = 1; n <= 3; n++) {
            String name = "glossa" + n + "@";
            long count = pids.lines().filter(line -> line.contains(name)).count();
            note("node {}: {} client connections", n, count);
            if (count > bestCount) {
                best = n;
                bestCount = count;
            }
        }
        return best;
    }

    private static void note(String format, Object... args) {
        String line =
                org.slf4j.helpers.MessageFormatter.arrayFormat(format, args).getMessage();
        LOG.info(line);
        try {
            Files.writeString(
                    reportFile,
                    java.time.LocalTime.now() + " " + line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", reportFile, e.getMessage());
        }
    }

    private static long seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static JsonNode lastJsonLine(String output) throws IOException {
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines)
                .as("glossa load --json printed no JSON; output:\n" + output)
                .isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
