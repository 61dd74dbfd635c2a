package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.app.BrokerSettings;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.broker.Topology;
import io.glossa.cli.Main;
import io.glossa.testing.TestRoles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code glossa batch --via-queue} against {@code serve} on the machine's RabbitMQ and PostgreSQL (own vhost, database
 * and queue prefix): every line answered, in input order, exactly as the same model answers in process; lines the
 * client or the API cannot take get their error object in place.
 */
class BatchViaQueueIT {
    private static final int TEXTS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsAnsweredInOrderThroughTheBatchQueue() throws Exception {
        Path dir = Files.createTempDirectory("glossa-batch-it");
        Path in = dir.resolve("in.txt");
        Files.write(in, input());
        try (ScratchBackends backends = new ScratchBackends()) {
            BrokerSettings broker = backends.broker().withTopology(new Topology("batch-it-" + PipelineKit.random()));
            try (Running running = Roles.serve(TestRoles.serve(backends.store(), broker, 4))) {
                int viaQueue = batch(
                        in,
                        dir.resolve("queue.jsonl"),
                        "--via-queue",
                        "--api",
                        "http://127.0.0.1:" + running.port(),
                        "--window",
                        "300",
                        "--chunk",
                        "128");
                assertThat(viaQueue).isEqualTo(1); // there are bad lines
                // what the batch paced itself by (--pace adaptive, the default): the broker's real queue depths
                JsonNode lanes = JSON.readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + running.port() + "/api/v1/lanes"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(lanes.get("batch").get("queued_messages").isIntegralNumber())
                        .as(lanes.toString())
                        .isTrue();
                assertThat(lanes.get("realtime").get("queued_messages").isIntegralNumber())
                        .as(lanes.toString())
                        .isTrue();
            }
        }
        List<String> args = new ArrayList<>(TestTexts.modelArgs());
        int local = batch(in, dir.resolve("local.jsonl"), args.toArray(String[]::new));
        assertThat(local).isEqualTo(1);

        List<String> queued = Files.readAllLines(dir.resolve("queue.jsonl"), StandardCharsets.UTF_8);
        List<String> inProcess = Files.readAllLines(dir.resolve("local.jsonl"), StandardCharsets.UTF_8);
        assertThat(queued).hasSize(TEXTS + 3);
        assertThat(queued.get(0)).startsWith("{\"language\":").contains("\"top\":[");
        assertThat(queued.get(500)).isEqualTo("{\"line\":501,\"error\":\"empty line\"}");
        assertThat(queued.get(701)).startsWith("{\"line\":702,\"error\":\"invalid UTF-8");
        assertThat(queued.get(902))
                .startsWith("{\"line\":903,\"error\":\"refused by the API: HTTP 400")
                .contains("NUL");
        // the API's workers and this process run the same model: equal lines prove the order
        for (int i = 0; i < queued.size(); i++) {
            if (i != 902) { // in process, a NUL is just another character
                assertThat(queued.get(i)).as("line %d", i + 1).isEqualTo(inProcess.get(i));
            }
        }
    }

    /** 1,000 sentences with an empty line (line 501), invalid UTF-8 (702) and a NUL (903; the API refuses it) among them. */
    private static byte[] input() throws Exception {
        List<String> sentences = TestTexts.sentences(TEXTS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < sentences.size(); i++) {
            if (i == 500) {
                bytes.write('\n');
            } else if (i == 700) {
                bytes.write(new byte[] {'x', (byte) 0xFF, '\n'});
            } else if (i == 900) {
                bytes.write("a\u0000b\n".getBytes(StandardCharsets.UTF_8));
            }
            bytes.write((sentences.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static int batch(Path in, Path out, String... more) {
        List<String> args =
                new ArrayList<>(List.of("batch", "--in", in.toString(), "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        return Main.commandLine().execute(args.toArray(String[]::new));
    }
}
