package io.glossa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.broker.AmqpBroker;
import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.ConnectSettings;
import io.glossa.broker.Topology;
import io.glossa.testing.JarProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast scenario of scripts/chaos.sh: while {@code glossa load} sends 3,000 texts through {@code glossa api} and
 * two {@code glossa worker} processes (shared RabbitMQ with a queue prefix of its own, a scratch PostgreSQL database),
 * a worker process is killed with SIGKILL three times and restarted each time. Then every text the load tool was
 * answered 202 for must have exactly one result: scripts/chaos-check.sql, the script's own check, counts per id.
 * The kills are placed by progress (results stored), not by time, so each lands while texts are flowing.
 */
class WorkerCrashIT {
    private static final int RATE = 150;
    private static final int SECONDS = 20;
    private static final int PLANNED = RATE * SECONDS;
    private static final int WORKERS = 2;
    private static final double[] KILL_AT = {0.15, 0.35, 0.55};
    /** Generous: on the shared 2-core machine a JVM took two minutes to print its first line (load average 50). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void workersKilledMinusNineThreeTimesLoseAndDuplicateNothing() throws Exception {
        Path jar =
                Path.of(System.getProperty("glossa.jar", "target/glossa.jar")).toAbsolutePath();
        Path data = Path.of(System.getProperty("glossa.sharedData", "../shared/data"), "leipzig_sentences.tsv")
                .toAbsolutePath();
        assertThat(jar).as("build the jar first: mvn -B package -DskipTests").exists();
        assertThat(data).as("shared data (see BRIEF)").exists();
        String amqp = "amqp://guest:guest@127.0.0.1:5672";
        Topology topology =
                new Topology("glossa-chaos-it-" + UUID.randomUUID().toString().substring(0, 8));
        Path ids = work.resolve("accepted.txt");
        List<JarProcess> processes = new ArrayList<>();
        try (ScratchDatabase db = ScratchDatabase.create("chaos")) {
            Map<String, String> env = Map.of(
                    "GLOSSA_AMQP_URI",
                    amqp,
                    "GLOSSA_DB_URL",
                    db.url(),
                    "GLOSSA_DB_USER",
                    db.user(),
                    "GLOSSA_QUEUE_PREFIX",
                    topology.prefix(),
                    // the shared PostgreSQL allows 100 connections for every helper's tests together
                    "GLOSSA_DB_POOL_SIZE",
                    "4");
            try {
                int apiPort = freePort();
                JarProcess api = JarProcess.start(
                        "api", jar, work, env, "api", "--port", Integer.toString(apiPort), "--host", "127.0.0.1");
                processes.add(api);
                api.awaitHttpOk(URI.create("http://127.0.0.1:" + apiPort + "/ready"), START_TIMEOUT);
                Worker[] workers = new Worker[WORKERS];
                for (int i = 0; i < WORKERS; i++) {
                    workers[i] = startWorker(jar, env, "worker" + i, processes);
                }
                for (Worker worker : workers) {
                    worker.awaitReady();
                }

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
                        SECONDS + "s",
                        "--concurrency",
                        "64",
                        "--drain-timeout",
                        "120s",
                        "--data",
                        data.toString(),
                        "--accepted-ids",
                        ids.toString(),
                        "--json");
                processes.add(load);
                try (Connection connection = db.connect()) {
                    for (int kill = 0; kill < KILL_AT.length; kill++) {
                        int slot = kill % WORKERS;
                        // a worker still starting holds no jobs: the victim must be consuming
                        workers[slot].awaitReady();
                        awaitResults(connection, (long) (KILL_AT[kill] * PLANNED), load);
                        long pending = single(connection, "SELECT count(*) FROM texts WHERE status = 'pending'");
                        assertThat(workers[slot].process().killHard())
                                .as("exit status of a SIGKILLed worker")
                                .isEqualTo(137);
                        System.out.printf("[worker crash] kill -9 worker %d with %d texts pending%n", slot, pending);
                        // restarted at once, as a supervisor would; the other worker carries on meanwhile
                        workers[slot] = startWorker(jar, env, "worker" + slot + "-restart" + kill, processes);
                    }
                    load.awaitExit(Duration.ofMinutes(15));
                    ExactlyOnceCheck.loadAcceptedIds(connection, ids);
                    ExactlyOnceCheck.Counts counts =
                            ExactlyOnceCheck.settleAndCount(connection, Duration.ofSeconds(120));
                    System.out.println("[worker crash] " + counts);
                    assertThat(counts.accepted())
                            .as("texts accepted (load log:\n" + load.tail() + ")")
                            .isGreaterThan(PLANNED / 2);
                    assertThat(counts.missing())
                            .as("accepted texts without a result (lost); " + counts)
                            .isZero();
                    assertThat(counts.duplicated())
                            .as("texts with two results for one model version; " + counts)
                            .isZero();
                    assertThat(counts.repeatedIds())
                            .as("ids answered 202 twice; " + counts)
                            .isZero();
                    assertThat(counts.results())
                            .as("one result per accepted text")
                            .isEqualTo(counts.accepted());
                }
            } finally {
                Collections.reverse(processes);
                for (JarProcess process : processes) {
                    process.close();
                }
                deleteTopology(amqp, topology);
            }
        }
    }

    /** A worker process and the /ready address of its metrics port. */
    private record Worker(JarProcess process, URI ready) {
        void awaitReady() throws IOException, InterruptedException {
            process.awaitHttpOk(ready, START_TIMEOUT);
        }
    }

    private Worker startWorker(Path jar, Map<String, String> env, String name, List<JarProcess> processes)
            throws IOException {
        int metricsPort = freePort();
        JarProcess worker = JarProcess.start(
                name, jar, work, env, "worker", "--workers", "4", "--metrics-port", Integer.toString(metricsPort));
        processes.add(worker);
        return new Worker(worker, URI.create("http://127.0.0.1:" + metricsPort + "/ready"));
    }

    /** Waits until the database holds {@code target} results, or the load tool has finished (then kills come late). */
    private static void awaitResults(Connection connection, long target, JarProcess load)
            throws SQLException, InterruptedException {
        while (single(connection, "SELECT count(*) FROM results") < target && load.isAlive()) {
            Thread.sleep(100);
        }
    }

    private static void deleteTopology(String amqp, Topology topology) {
        try (AmqpBroker broker = AmqpBroker.connect(
                AmqpEndpoint.parse(amqp, "guest", "guest"),
                topology,
                ConnectSettings.defaults(),
                "worker-crash-it-cleanup")) {
            broker.deleteTopology();
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
