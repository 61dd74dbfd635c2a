package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.glossa.pipeline.Lane;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process running the embedded broker: every job the broker confirmed before is there after a restart
 * (Qpid's BDB store fsyncs its log before it confirms), and the store opens again after the unclean stop.
 */
class EmbeddedBrokerCrashIT {
    @Test
    void confirmedJobsSurviveKillMinusNine(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingPublisher.class.getName(),
                        dataDir.toString(),
                        String.valueOf(port),
                        "crash",
                        "20")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> confirmed = new HashSet<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // kill it in the middle of the run, right after 1,000 confirms: later publishes are in flight
            while ((line = out.readLine()) != null && confirmed.size() < 1_000) {
                if (line.startsWith("CONFIRMED ")) {
                    confirmed.add(line.substring("CONFIRMED ".length()));
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(confirmed).hasSize(1_000);

        Topology topology = new Topology("crash");
        try (EmbeddedBroker embedded =
                        EmbeddedBroker.start(new EmbeddedBrokerSettings(dataDir, port, "guest", "guest"));
                AmqpBroker broker = AmqpBroker.connect(
                        embedded.endpoint(),
                        topology,
                        ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10)),
                        "after-crash");
                Channel channel = broker.publishing().openChannel()) {
            Set<String> found = new HashSet<>();
            GetResponse response;
            while ((response = channel.basicGet(topology.queue(Lane.BATCH), true)) != null) {
                found.add(response.getProps().getMessageId());
            }
            assertThat(found).as("every confirmed job is still in the queue").containsAll(confirmed);
        }
    }
}
