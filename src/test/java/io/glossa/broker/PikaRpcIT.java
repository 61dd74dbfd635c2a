package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.pipeline.Lane;
import io.glossa.testing.RequiredTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RPC through RabbitMQ with a client no one here wrote: Debian's python3-pika publishes a job with direct reply-to
 * and a correlation id; our consumer answers with the result event.
 */
class PikaRpcIT {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    AmqpBroker broker;
    Topology topology;

    @BeforeEach
    void connect() throws Exception {
        RequiredTool.require(
                Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import pika"), 30).exit == 0,
                PYTHON + " with the pika module",
                "python3 python3-pika");
        topology = new Topology("pika-" + UUID.randomUUID().toString().substring(0, 8));
        broker = AmqpBroker.connect(
                AmqpEndpoint.parse(RabbitMqBrokerIT.URI, "guest", "guest"),
                topology,
                ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10)),
                "kit-pika");
    }

    @AfterEach
    void cleanUp() {
        if (broker != null) {
            try {
                topology.delete(broker.publishing());
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void pikaClientGetsTheResultThroughDirectReplyTo(@TempDir Path dir) throws Exception {
        rpcRoundTrip(broker, RabbitMqBrokerIT.URI.replaceAll("/$", "/%2F"), dir);
    }

    /** The embedded broker has no direct reply-to: the same script uses an exclusive reply queue there. */
    @Test
    void pikaClientGetsTheResultFromTheEmbeddedBrokerThroughAReplyQueue(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker embedded = EmbeddedBroker.start(new EmbeddedBrokerSettings(
                        dir.resolve("broker"), EmbeddedBrokerIT.freePort(), "guest", "guest"));
                AmqpBroker qpid = AmqpBroker.connect(
                        embedded.endpoint(),
                        topology,
                        ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10)),
                        "kit-pika-qpid")) {
            rpcRoundTrip(
                    qpid, "amqp://guest:guest@127.0.0.1:" + embedded.settings().port() + "/%2F", dir);
        }
    }

    private void rpcRoundTrip(AmqpBroker target, String url, Path dir) throws Exception {
        RecordingHandler handler = new RecordingHandler();
        target.jobConsumer(ConsumerSettings.defaults()).start(handler);
        Path script = dir.resolve("rpc_client.py");
        try (InputStream in = PikaRpcIT.class.getResourceAsStream("/pika/rpc_client.py")) {
            Files.copy(in, script);
        }

        Outcome outcome = run(
                List.of(
                        PYTHON.toString(),
                        script.toString(),
                        url,
                        topology.jobsExchange(),
                        Lane.REALTIME.key(),
                        "Hej, vad heter du?",
                        "20"),
                60);

        assertThat(outcome.exit)
                .as("pika client exit code; stderr: %s", outcome.stderr)
                .isZero();
        JsonNode printed = new ObjectMapper().readTree(outcome.stdout);
        String sentId = printed.path("sent_id").asText();
        assertThat(printed.path("correlation_id").asText()).isEqualTo("pika-" + sentId);
        JsonNode reply = printed.path("reply");
        assertThat(reply.path("id").asText()).isEqualTo(sentId);
        assertThat(reply.path("status").asText()).isEqualTo("done");
        assertThat(reply.path("language").asText()).isEqualTo("sv");
        assertThat(reply.path("native").asText()).isEqualTo("Svenska");
        assertThat(reply.path("top").size()).isEqualTo(2);
        assertThat(handler.handled)
                .singleElement()
                .satisfies(job -> assertThat(job.id()).isEqualTo(UUID.fromString(sentId)))
                .satisfies(job -> assertThat(job.text()).isEqualTo("Hej, vad heter du?"));
    }

    record Outcome(int exit, String stdout, String stderr) {}

    static Outcome run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Outcome(-1, "", "timed out after " + timeoutSeconds + " s");
        }
        return new Outcome(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
