package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.app.TracingSettings;
import io.glossa.it.OtlpReceiver.Received;
import io.glossa.telemetry.OtlpEndpoint;
import io.glossa.testing.JarProcess;
import io.glossa.testing.TestRoles;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry span export to a real OTLP/HTTP endpoint (a collector of the test's own, {@link OtlpReceiver}):
 * the packaged `glossa api` and `glossa worker` on RabbitMQ and PostgreSQL send spans that continue the client's
 * trace (server span → relay's producer span and worker's consumer span); an unsampled trace sends nothing; and
 * `serve` without an endpoint starts no exporter.
 */
class TraceExportIT {
    private static final String TRACE_ID = "6cf92f3577b34da6a3ce929d0e0e4736";
    private static final String BATCH_TRACE_ID = "1af7651916cd43dd8448eb211c80319c";
    private static final String UNSAMPLED_TRACE_ID = "2bf7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String EXPORTER_THREAD = "BatchSpanProcessor";

    @TempDir
    Path dir;

    @Test
    void apiAndWorkerExportSpansThatContinueTheClientsTrace() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
                ScratchBackends backends = new ScratchBackends()) {
            int apiPort = PipelineKit.freePort();
            int workerPort = PipelineKit.freePort();
            List<String> common = new ArrayList<>(backends.args());
            common.addAll(List.of("--data-dir", dir.resolve("data").toString()));
            List<String> ids;
            // the api by option; the worker by the standard OpenTelemetry variables
            try (JarProcess api = start(
                            "api",
                            Map.of(),
                            common,
                            "--port",
                            String.valueOf(apiPort),
                            "--host",
                            "127.0.0.1",
                            "--otel-endpoint",
                            collector.url());
                    JarProcess worker = start(
                            "worker",
                            Map.of(
                                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                                    collector.url(),
                                    "OTEL_SERVICE_NAME",
                                    "glossa-worker-it"),
                            common,
                            "--metrics-port",
                            String.valueOf(workerPort),
                            "--workers",
                            "2")) {
                api.awaitHttpOk(URI.create("http://127.0.0.1:" + apiPort + "/ready"), TIMEOUT);
                worker.awaitHttpOk(URI.create("http://127.0.0.1:" + workerPort + "/ready"), TIMEOUT);
                ApiClient client = new ApiClient(apiPort);
                ids = new ArrayList<>(client.submitTraced(
                        "/api/v1/texts", "{\"text\":\"Hej, hur mår du idag?\"}", traceparent(TRACE_ID, "01")));
                ids.addAll(client.submitTraced(
                        "/api/v1/texts:batch",
                        "{\"lane\":\"realtime\",\"texts\":"
                                + "[\"Guten Morgen zusammen\",\"Buenos días a todos\",\"Buongiorno a tutti\"]}",
                        traceparent(BATCH_TRACE_ID, "01")));
                ids.addAll(client.submitTraced(
                        "/api/v1/texts",
                        "{\"text\":\"Tere hommikust, kuidas läheb?\"}",
                        traceparent(UNSAMPLED_TRACE_ID, "00")));
                assertThat(client.awaitAll(ids, TIMEOUT))
                        .extracting(r -> r.get("status").asText())
                        .containsOnly("done");
                collector.await(
                        Duration.ofSeconds(60),
                        List.of(
                                s -> s.traceId().equals(TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_CONSUMER,
                                s -> s.traceId().equals(TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_PRODUCER,
                                s -> s.traceId().equals(BATCH_TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_SERVER));
            } // SIGTERM: both flush what they still hold
            List<Received> spans = collector.spans();
            assertThat(collector.failures()).isEmpty();
            checkSingle(spans, ids.get(0));
            checkBatch(spans, ids.subList(1, 4));
            assertThat(spans)
                    .as("the client did not sample that trace")
                    .noneMatch(s -> s.traceId().equals(UNSAMPLED_TRACE_ID));
        }
    }

    private static void checkSingle(List<Received> spans, String textId) {
        Received server = one(spans, s -> s.traceId().equals(TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_SERVER);
        assertThat(server.service()).isEqualTo("glossa-api");
        assertThat(server.name()).isEqualTo("POST /api/v1/texts");
        assertThat(server.parentId()).as("a child of the client's span").isEqualTo(CLIENT_SPAN);
        assertThat(server.attribute("glossa.text_id")).isEqualTo(textId);
        assertThat(server.attribute("http.response.status_code")).isEqualTo("202");

        Received producer = one(spans, s -> s.traceId().equals(TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_PRODUCER);
        assertThat(producer.service()).isEqualTo("glossa-api");
        assertThat(producer.parentId())
                .as("the relay continues the request's span")
                .isEqualTo(server.spanId());
        assertThat(producer.attribute("messaging.system")).isEqualTo("rabbitmq");
        assertThat(producer.attribute("messaging.destination.name")).isEqualTo("glossa.jobs");
        assertThat(producer.attribute("glossa.text_id")).isEqualTo(textId);

        Received consumer = one(spans, s -> s.traceId().equals(TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_CONSUMER);
        assertThat(consumer.service()).isEqualTo("glossa-worker-it");
        assertThat(consumer.name()).isEqualTo("process glossa.jobs.realtime");
        assertThat(consumer.parentId())
                .as("the job's traceparent names the API's span")
                .isEqualTo(server.spanId());
        assertThat(consumer.attribute("glossa.text_id")).isEqualTo(textId);
        assertThat(consumer.attribute("glossa.lane")).isEqualTo("realtime");
        assertThat(consumer.attribute("glossa.model_version")).isNotBlank();
    }

    private static void checkBatch(List<Received> spans, List<String> textIds) {
        Received server = one(spans, s -> s.traceId().equals(BATCH_TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_SERVER);
        assertThat(server.name()).isEqualTo("POST /api/v1/texts:batch");
        assertThat(server.attribute("glossa.texts")).isEqualTo("3");
        assertThat(spans)
                .filteredOn(s -> s.traceId().equals(BATCH_TRACE_ID) && s.kind() == SpanKind.SPAN_KIND_CONSUMER)
                .as("one worker span per text, each a child of the request's span")
                .allMatch(s -> s.parentId().equals(server.spanId()))
                .extracting(s -> s.attribute("glossa.text_id"))
                .containsExactlyInAnyOrderElementsOf(textIds);
    }

    @Test
    void serveExportsOnlyWithAnEndpointAndFlushesWhenItStops() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            int exportersBefore = exporterThreads();
            try (Running serve = Roles.serve(TestRoles.embedded(dir.resolve("plain")))) {
                String id = new ApiClient(serve.port())
                        .submitTraced(
                                "/api/v1/texts", "{\"text\":\"Hej, hur mår du idag?\"}", traceparent(TRACE_ID, "01"))
                        .get(0);
                assertThat(new ApiClient(serve.port())
                                .awaitAll(List.of(id), TIMEOUT)
                                .get(0)
                                .get("status")
                                .asText())
                        .isEqualTo("done");
                assertThat(exporterThreads())
                        .as("no exporter thread without --otel-endpoint")
                        .isEqualTo(exportersBefore);
            }

            String id;
            try (Running serve = Roles.serve(TestRoles.embedded(dir.resolve("traced"))
                    .withTracing(new TracingSettings(
                            Optional.of(OtlpEndpoint.parse(collector.url(), "--otel-endpoint")),
                            "glossa-serve",
                            "test")))) {
                assertThat(exporterThreads()).isEqualTo(exportersBefore + 1);
                ApiClient client = new ApiClient(serve.port());
                id = client.submitTraced(
                                "/api/v1/texts", "{\"text\":\"Hej, hur mår du idag?\"}", traceparent(TRACE_ID, "01"))
                        .get(0);
                assertThat(client.awaitAll(List.of(id), TIMEOUT)
                                .get(0)
                                .get("status")
                                .asText())
                        .isEqualTo("done");
            }
            assertThat(awaitExporterThreads(exportersBefore))
                    .as("the exporter thread stops with serve")
                    .isEqualTo(exportersBefore);
            assertThat(collector.spans())
                    .as("flushed on shutdown, all three stages")
                    .filteredOn(s -> id.equals(s.attribute("glossa.text_id")))
                    .extracting(Received::kind)
                    .containsExactlyInAnyOrder(
                            SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_PRODUCER, SpanKind.SPAN_KIND_CONSUMER);
            assertThat(collector.spans()).allMatch(s -> s.service().equals("glossa-serve"));
        }
    }

    private static Received one(List<Received> spans, Predicate<Received> which) {
        List<Received> found = spans.stream().filter(which).toList();
        assertThat(found).as("exactly one such span among %s", spans).hasSize(1);
        return found.get(0);
    }

    private static String traceparent(String traceId, String flags) {
        return "00-" + traceId + "-" + CLIENT_SPAN + "-" + flags;
    }

    /** The exporter's thread ends just after its shutdown completes: the count once it is {@code expected}, or after 10 s. */
    private static int awaitExporterThreads(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (exporterThreads() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return exporterThreads();
    }

    private static int exporterThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(EXPORTER_THREAD))
                .count();
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
