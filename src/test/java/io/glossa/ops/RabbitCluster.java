package io.glossa.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The 3-node local cluster of scripts/rabbitmq-cluster.sh, driven from a test. */
final class RabbitCluster implements AutoCloseable {
    private final Path script;
    private final Path dir;
    // Stops the nodes even if the test JVM is interrupted (Ctrl-C, SIGTERM) before close() runs.
    private final Thread stopOnExit = new Thread(this::stopQuietly, "rabbitmq-cluster-stop");

    RabbitCluster(Path script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    void start() {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        run(180, "start");
    }

    /** Comma-separated AMQP URIs of the three nodes, for --amqp-uri. */
    String uris() {
        return run(10, "uris").strip();
    }

    /** The node number (1-3) leading a quorum queue. */
    int leaderOf(String queue) {
        return Integer.parseInt(run(30, "leader", queue).strip());
    }

    /** How many of the queue's replicas are online, as node {@code askNode} sees it. */
    int onlineReplicas(int askNode, String queue) {
        return (int) queueInfo(askNode, queue, "online")
                .chars()
                .filter(c -> c == '@')
                .count();
    }

    /** The consumers on a queue, as node {@code askNode} sees it. */
    int consumers(int askNode, String queue) {
        return Integer.parseInt(queueInfo(askNode, queue, "consumers").strip());
    }

    private String queueInfo(int askNode, String queue, String item) {
        for (String line : ctl(askNode, "list_queues", "name", item).lines().toList()) {
            String[] columns = line.split("\t", 2);
            if (columns.length == 2 && columns[0].equals(queue)) {
                return columns[1];
            }
        }
        throw new IllegalStateException("queue " + queue + " not found on node " + askNode);
    }

    void kill(int node) {
        run(30, "kill", Integer.toString(node));
    }

    void restart(int node) {
        run(180, "restart", Integer.toString(node));
    }

    String status() {
        return run(60, "status");
    }

    String ctl(int node, String... args) {
        List<String> all = new ArrayList<>(List.of("ctl", Integer.toString(node)));
        all.addAll(List.of(args));
        return run(60, all.toArray(String[]::new));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNeverStarted) {
            // the hook runs (or never was registered); stopping twice is harmless
        }
        run(120, "stop");
    }

    private void stopQuietly() {
        try {
            run(120, "stop");
        } catch (RuntimeException e) {
            System.err.println("could not stop the RabbitMQ cluster in " + dir + ": " + e.getMessage());
        }
    }

    private String run(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--dir", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("rabbitmq-cluster.sh " + String.join(" ", args) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmq-cluster.sh " + String.join(" ", args) + " failed ("
                        + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
