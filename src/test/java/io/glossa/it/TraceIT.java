package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import io.glossa.testing.JarProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * W3C trace context from HTTP through the outbox and RabbitMQ to the worker's logs, on the packaged jar: `glossa api`
 * (text log format, access log) and `glossa worker` (JSON log format, DEBUG) on RabbitMQ and PostgreSQL. A copy of
 * every job message reaches a queue of the test's own, so the AMQP headers are read as a worker gets them.
 */
class TraceIT {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01";
    private static final String BATCH_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void aRequestsTraceReachesTheJobsHeadersAndTheWorkersLogLines() throws Exception {
        try (ScratchBackends backends = new ScratchBackends()) {
            int apiPort = PipelineKit.freePort();
            int workerPort = PipelineKit.freePort();
            List<String> common = new ArrayList<>(backends.args());
            common.addAll(List.of("--data-dir", dir.resolve("data").toString()));
            try (JarProcess api = start(
                    "api",
                    Map.of(),
                    common,
                    "--port",
                    String.valueOf(apiPort),
                    "--host",
                    "127.0.0.1",
                    "--access-log",
                    "--log-format",
                    "text")) {
                api.awaitHttpOk(URI.create("http://127.0.0.1:" + apiPort + "/ready"), TIMEOUT);
                try (JobTap tap = new JobTap(backends.amqpUri(), "glossa.jobs");
                        JarProcess worker = start(
                                "worker",
                                Map.of("GLOSSA_LOG_LEVEL", "DEBUG"),
                                common,
                                "--metrics-port",
                                String.valueOf(workerPort),
                                "--workers",
                                "2",
                                "--log-format",
                                "json")) {
                    worker.awaitHttpOk(URI.create("http://127.0.0.1:" + workerPort + "/ready"), TIMEOUT);
                    check(new ApiClient(apiPort), tap, api, worker);
                }
            }
        }
    }

    private void check(ApiClient client, JobTap tap, JarProcess api, JarProcess worker) throws Exception {
        String traced = client.submitTraced("/api/v1/texts", "{\"text\":\"Hej, hur mår du idag?\"}", TRACEPARENT)
                .get(0);
        // answered before the others are sent, so the relay cannot pack it with them: it is a single-job message,
        // whose worker lines carry its text_id
        client.awaitAll(List.of(traced), TIMEOUT);
        String untraced = client.submitTraced("/api/v1/texts", "{\"text\":\"Tere hommikust, kuidas läheb?\"}", null)
                .get(0);
        String invalid = client.submitTraced(
                        "/api/v1/texts",
                        "{\"text\":\"Dobrý den, jak se máte?\"}",
                        "ff-" + TRACE_ID + "-" + CLIENT_SPAN + "-01")
                .get(0);
        List<String> batch = client.submitTraced(
                "/api/v1/texts:batch",
                "{\"lane\":\"realtime\",\"texts\":"
                        + "[\"Guten Morgen zusammen\",\"Buenos días a todos\",\"Buongiorno a tutti\"]}",
                "00-" + BATCH_TRACE_ID + "-" + CLIENT_SPAN + "-00");
        List<String> all = new ArrayList<>(List.of(traced, untraced, invalid));
        all.addAll(batch);
        assertThat(client.awaitAll(all, TIMEOUT))
                .extracting(r -> r.get("status").asText())
                .containsOnly("done");

        Map<String, String> sent = traceparentsOfJobs(tap, all.size());
        assertThat(sent).containsOnlyKeys(all);
        String apiSpan = sent.get(traced).substring(36, 52);
        assertThat(sent.get(traced))
                .as("same trace, the API's own span as parent")
                .startsWith("00-" + TRACE_ID + "-")
                .endsWith("-01")
                .doesNotContain(CLIENT_SPAN);
        for (String id : List.of(untraced, invalid)) {
            assertThat(sent.get(id))
                    .as("a new trace")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00")
                    .doesNotContain(TRACE_ID)
                    .isNotEqualTo(sent.get(untraced.equals(id) ? invalid : untraced));
        }
        assertThat(batch)
                .extracting(sent::get)
                .as("one request, one span: every text of the batch shares it")
                .containsOnly(sent.get(batch.get(0)))
                .allMatch(t -> t.startsWith("00-" + BATCH_TRACE_ID + "-"));

        List<JsonNode> workerLines = awaitWorkerLine(worker, traced);
        assertThat(workerLines).anySatisfy(line -> {
            assertThat(line.path("trace_id").asText()).isEqualTo(TRACE_ID);
            assertThat(line.path("parent_span_id").asText()).isEqualTo(apiSpan);
            assertThat(line.path("span_id").asText()).matches("[0-9a-f]{16}").isNotEqualTo(apiSpan);
        });
        assertThat(api.output().lines().filter(l -> l.contains("POST /api/v1/texts 202")))
                .as("the access log line of the traced request (text format: the MDC in brackets)")
                .anySatisfy(l -> assertThat(l).contains("trace_id=" + TRACE_ID).contains("span_id=" + apiSpan));
    }

    /** Per job id, the traceparent its message carried: the AMQP header, or its field in a multi-job body. */
    private static Map<String, String> traceparentsOfJobs(JobTap tap, int jobs) throws Exception {
        Map<String, String> traces = new HashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (traces.size() < jobs && System.nanoTime() < deadline) {
            for (GetResponse message : tap.take(1, Duration.ofSeconds(5))) {
                Object header = message.getProps().getHeaders().get("traceparent");
                JsonNode body = ApiClient.read(new String(message.getBody(), StandardCharsets.UTF_8));
                if (body.has("jobs")) {
                    body.get("jobs")
                            .forEach(job -> traces.put(
                                    job.get("id").asText(),
                                    job.get("traceparent").asText()));
                    if (header != null) {
                        assertThat(body.get("jobs"))
                                .as("the header only when all jobs share it")
                                .allMatch(job -> job.get("traceparent").asText().equals(header.toString()));
                    }
                } else {
                    assertThat(header)
                            .as("a single job's trace is its message's header")
                            .isNotNull();
                    traces.put(body.get("id").asText(), header.toString());
                }
            }
        }
        return traces;
    }

    /** The worker's JSON log lines about one text (its DEBUG line comes just after the ack). */
    private static List<JsonNode> awaitWorkerLine(JarProcess worker, String textId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<JsonNode> lines = worker.output()
                    .lines()
                    .filter(l -> l.startsWith("{"))
                    .map(ApiClient::read)
                    .filter(line -> textId.equals(line.path("text_id").asText()))
                    .toList();
            if (!lines.isEmpty() || System.nanoTime() > deadline) {
                return lines;
            }
            Thread.sleep(200);
        }
    }

    private JarProcess start(String role, Map<String, String> env, List<String> common, String... more)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(role));
        args.addAll(common);
        args.addAll(List.of(more));
        if (role.equals("worker")) {
            args.addAll(TestTexts.modelArgs());
        }
        return JarProcess.start(role, JarProcess.packagedJar(), dir.resolve("logs"), env, args.toArray(String[]::new));
    }
}
