package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobPublisher;
import io.glossa.pipeline.Lane;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker kit against the embedded Qpid Broker-J (BDB store in a temp dir, a free port), plus restarts. */
class EmbeddedBrokerIT extends BrokerKit {
    @TempDir
    static Path dataDir;

    static EmbeddedBroker embedded;

    @BeforeAll
    static void startBroker() throws IOException {
        embedded = EmbeddedBroker.start(new EmbeddedBrokerSettings(dataDir, freePort(), "glossa", "s3cret:/@"));
    }

    @AfterAll
    static void stopBroker() {
        if (embedded != null) {
            embedded.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    AmqpEndpoint endpoint() {
        return embedded.endpoint();
    }

    @Override
    BrokerFlavour expectedFlavour() {
        return BrokerFlavour.QPID;
    }

    @Test
    void storesEverythingUnderTheDataDirOnly() {
        assertThat(dataDir.resolve("broker/store")).isDirectory();
        assertThat(dataDir.resolve("broker/work")).isDirectory();
        assertThat(Path.of("work")).doesNotExist();
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        java.net.InetAddress external =
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                        .filter(i -> !isLoopback(i))
                        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                        .filter(a -> a instanceof java.net.Inet4Address)
                        .findFirst()
                        .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        try (java.net.Socket socket = new java.net.Socket()) {
            assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress(external, embedded.port()), 1_000))
                    .isInstanceOf(IOException.class);
        }
    }

    private static boolean isLoopback(java.net.NetworkInterface i) {
        try {
            return i.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    void connectsToTheNextAddressOfAClusterWhenTheFirstIsDown() throws Exception {
        AmqpEndpoint one = embedded.endpoint();
        AmqpEndpoint cluster = new AmqpEndpoint(
                List.of(
                        new com.rabbitmq.client.Address("127.0.0.1", freePort()),
                        new com.rabbitmq.client.Address("127.0.0.1", embedded.port())),
                one.username(),
                one.password(),
                "/",
                false);
        try (BrokerConnection connection = new AmqpConnector(
                        cluster, ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10)))
                .connect("kit-cluster")) {
            assertThat(connection.connection().getPort()).isEqualTo(embedded.port());
            assertThat(connection.flavour()).isEqualTo(BrokerFlavour.QPID);
        }
    }

    @Test
    void reconnectsToAnotherAddressWhenItsBrokerGoesAway() throws Exception {
        EmbeddedBroker a = EmbeddedBroker.start(
                new EmbeddedBrokerSettings(dataDir.resolve("node-a"), freePort(), "guest", "guest"));
        EmbeddedBroker b = EmbeddedBroker.start(
                new EmbeddedBrokerSettings(dataDir.resolve("node-b"), freePort(), "guest", "guest"));
        Topology nodes = new Topology("nodes-" + UUID.randomUUID().toString().substring(0, 8));
        AmqpEndpoint both =
                AmqpEndpoint.parse("amqp://guest:guest@127.0.0.1:" + a.port() + ",127.0.0.1:" + b.port(), "x", "y");
        try (AmqpBroker client = AmqpBroker.connect(both, nodes, connectSettings(), "kit-failover")) {
            int first = client.publishing().connection().getPort();
            EmbeddedBroker down = first == a.port() ? a : b;
            EmbeddedBroker survivor = down == a ? b : a;
            client.jobPublisher().publish(List.of(job("before", Lane.REALTIME)));
            down.close();
            // automatic recovery moves the connection to the other address and re-declares the topology there
            Await.until("publishing again, on the surviving broker", WAIT, () -> {
                try {
                    client.jobPublisher().publish(List.of(job("after", Lane.REALTIME)));
                    return true;
                } catch (BrokerUnavailableException e) {
                    return false;
                }
            });
            assertThat(client.publishing().connection().getPort()).isEqualTo(survivor.port());
            assertThat(client.queueStatistics()
                            .stats(nodes.queue(Lane.REALTIME))
                            .messages())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        AmqpEndpoint wrong = AmqpEndpoint.parse("amqp://glossa:nope@127.0.0.1:" + embedded.port() + "/", "x", "y");
        assertThatThrownBy(() -> new AmqpConnector(
                                wrong, ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofMillis(500)))
                        .connect("kit-wrong"))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void aMessagePublishedBeforeARestartIsConsumedAfterIt() throws Exception {
        Job job = job("Överlever en omstart", Lane.BATCH);
        broker.jobPublisher().publish(List.of(job));
        broker.close();
        EmbeddedBrokerSettings settings = embedded.settings();
        embedded.close();

        embedded = EmbeddedBroker.start(settings);
        broker = AmqpBroker.connect(endpoint(), topology, connectSettings(), "kit-restarted");
        assertThat(broker.queueStatistics().stats(topology.queue(Lane.BATCH)).messages())
                .isEqualTo(1);
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        Await.until("job from before the restart handled", WAIT, () -> handler.handled(job.id()));
        assertThat(handler.handled).singleElement().isEqualTo(job);
    }

    @Test
    void aBrokerRestartInTheMiddleOfARunLosesNothing() throws Exception {
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void work(Job job) throws Exception {
                Thread.sleep(1); // keep some jobs in flight when the broker goes down
            }
        };
        consume(handler, ConsumerSettings.defaults());
        java.util.Set<java.util.UUID> sent = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = new java.util.ArrayList<>();
            for (int j = 0; j < 50; j++) {
                jobs.add(job("före " + i + "/" + j, j % 2 == 0 ? Lane.REALTIME : Lane.BATCH));
            }
            broker.jobPublisher().publish(jobs);
            jobs.forEach(j -> sent.add(j.id()));
        }
        EmbeddedBrokerSettings settings = embedded.settings();
        embedded.close();
        embedded = EmbeddedBroker.start(settings);
        for (int i = 0; i < 10; i++) {
            Job job = job("efter " + i, Lane.REALTIME);
            Await.until("publisher reconnected", WAIT, () -> {
                try {
                    broker.jobPublisher().publish(List.of(job));
                    return true;
                } catch (BrokerUnavailableException e) {
                    return false;
                }
            });
            sent.add(job.id());
        }
        Await.until(
                "every job published before and after the restart handled",
                Duration.ofSeconds(60),
                () -> handler.handled.stream()
                        .map(Job::id)
                        .collect(java.util.stream.Collectors.toSet())
                        .containsAll(sent));
    }

    @Test
    void publisherFailsClearlyWhileTheBrokerIsDownAndWorksAgainAfterwards() throws Exception {
        JobPublisher publisher = broker.jobPublisher();
        EmbeddedBrokerSettings settings = embedded.settings();
        embedded.close();
        assertThatThrownBy(() -> publisher.publish(List.of(job("while down", Lane.REALTIME))))
                .isInstanceOf(BrokerUnavailableException.class);

        embedded = EmbeddedBroker.start(settings);
        // automatic recovery reconnects the same publisher
        Await.until("publisher works after the broker came back", WAIT, () -> {
            try {
                publisher.publish(List.of(job("after restart", Lane.REALTIME)));
                return true;
            } catch (BrokerUnavailableException e) {
                return false;
            }
        });
    }

    @Test
    void firstConnectWaitsForABrokerThatIsStillStarting() throws Exception {
        Path otherDir = Files.createDirectories(dataDir.resolve("late"));
        EmbeddedBrokerSettings late = new EmbeddedBrokerSettings(otherDir, freePort(), "guest", "guest");
        CompletableFuture<BrokerConnection> connecting = CompletableFuture.supplyAsync(() -> new AmqpConnector(
                        AmqpEndpoint.parse("amqp://127.0.0.1:" + late.port(), "guest", "guest"),
                        ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(60)))
                .connect("kit-early"));
        Thread.sleep(1_000);
        assertThat(connecting).isNotDone();
        try (EmbeddedBroker lateBroker = EmbeddedBroker.start(late);
                BrokerConnection connection = connecting.get(60, TimeUnit.SECONDS)) {
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.flavour()).isEqualTo(BrokerFlavour.QPID);
        }
    }

    @Test
    void aSecondBrokerOnTheSamePortFailsWithAClearMessage() {
        EmbeddedBrokerSettings clash =
                new EmbeddedBrokerSettings(dataDir.resolve("clash"), embedded.port(), "guest", "guest");
        assertThatThrownBy(() -> EmbeddedBroker.start(clash))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + embedded.port());
    }
}
