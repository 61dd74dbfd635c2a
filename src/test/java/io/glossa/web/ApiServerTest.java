package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.InMemoryTextStore;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.SubmissionLimits;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextSubmission;
import io.glossa.pipeline.Tracing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP adapter on a real Jetty with fakes of our own ports (store, results): contract and error handling. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InMemoryTextStore STORE = new InMemoryTextStore();
    private static final ResultFanout RESULTS = new ResultFanout();
    private static final AtomicBoolean BROKER_UP = new AtomicBoolean(true);
    private static final ExecutorService READS = Executors.newFixedThreadPool(4);
    private static ApiServer server;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        PrometheusMeterRegistry registry = MetricsRegistry.create("test");
        TextSubmission submission = new TextSubmission(
                STORE, new SubmissionLimits(1_000, 5), jobs -> {}, new MicrometerPipelineMetrics(registry));
        List<ReadinessCheck> checks = List.of(
                new ReadinessCheck("broker", BROKER_UP::get),
                new ReadinessCheck("database", STORE::isReady),
                new ReadinessCheck("model", () -> true));
        server = new ApiServer(
                        submission,
                        STORE,
                        RESULTS,
                        checks,
                        registry,
                        new ApiSettings(Duration.ofSeconds(3), 20_000, Duration.ofMillis(200)),
                        READS,
                        AccessSettings.OPEN,
                        Tracing.NONE)
                .with(UiRoutesTest.routes(STORE, registry, RESULTS))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        READS.shutdownNow();
    }

    @Test
    void submitReturns202WithIdAndTheTextReadsPending() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/texts", "{\"text\":\"Hej, hur mår du?\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        String id = body.get("id").asText();
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(Instant.parse(body.get("submitted_at").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/texts/" + id);

        JsonNode text = JSON.readTree(get("/api/v1/texts/" + id).body());
        assertThat(text.get("status").asText()).isEqualTo("pending");
        assertThat(text.get("language").isNull()).isTrue();
        assertThat(text.has("model_version")).isTrue();
    }

    @Test
    void batchPathWithColonIsRoutedAndIdsComeInOrder() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/texts:batch", "{\"texts\":[\"ett\",\"två\",\"tre\"]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode ids = JSON.readTree(accepted.body()).get("ids");
        assertThat(ids).hasSize(3);
        List<String> texts = new ArrayList<>();
        for (JsonNode id : ids) {
            texts.add(STORE.unpublished(1000).stream()
                    .filter(j -> j.id().toString().equals(id.asText()))
                    .findFirst()
                    .orElseThrow()
                    .text());
        }
        assertThat(texts).containsExactly("ett", "två", "tre");
    }

    @Test
    void longPollIsWokenByTheResultEvent() throws Exception {
        String id = JSON.readTree(post("/api/v1/texts", "{\"text\":\"Hej\"}").body())
                .get("id")
                .asText();
        CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(
                request("/api/v1/texts/" + id + "?wait=10s").GET().build(), BodyHandlers.ofString());
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        long start = System.nanoTime();
        complete(UUID.fromString(id));
        HttpResponse<String> answer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        JsonNode text = JSON.readTree(answer.body());
        assertThat(text.get("status").asText()).isEqualTo("done");
        assertThat(text.get("name").asText() + " — " + text.get("native").asText())
                .isEqualTo("Swedish — Svenska");
        assertThat(text.get("top")).hasSize(2);
        assertThat(text.get("model_version").asText()).isEqualTo("test-1");
        assertThat(text.get("completed_at").isTextual()).isTrue();
    }

    @Test
    void longPollTimesOutWithThePendingTextAndTheWaitIsCapped() throws Exception {
        String id = JSON.readTree(post("/api/v1/texts", "{\"text\":\"Hej\"}").body())
                .get("id")
                .asText();
        long start = System.nanoTime();
        HttpResponse<String> answer = get("/api/v1/texts/" + id + "?wait=1m"); // capped at 3 s in this server
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("status").asText()).isEqualTo("pending");
        assertThat(took).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(6));
        assertThat(get("/api/v1/texts/" + id + "?wait=500ms").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/texts/" + id + "?wait=1").statusCode()).isEqualTo(200);
    }

    @Test
    void eventStreamSendsEachResult() throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(
                request("/api/v1/events")
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        String id = JSON.readTree(post("/api/v1/texts", "{\"text\":\"Hej\"}").body())
                .get("id")
                .asText();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            // Javalin sends the headers before the stream subscribes; the ": connected" comment says it has
            awaitLineStartingWith(lines, ": connected");
            complete(UUID.fromString(id));
            String data = null;
            boolean sawKeepAlive = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.readLine();
                if (line.startsWith(": keep-alive")) {
                    sawKeepAlive = true;
                }
                if (line.startsWith("data: ") && line.contains(id)) {
                    data = line.substring(6);
                }
            }
            assertThat(data).isNotNull();
            JsonNode event = JSON.readTree(data);
            assertThat(event.get("status").asText()).isEqualTo("done");
            assertThat(event.get("language").asText()).isEqualTo("sv");
            while (!sawKeepAlive && System.nanoTime() < deadline) {
                sawKeepAlive = lines.readLine().startsWith(":");
            }
            assertThat(sawKeepAlive).as("keep-alive comment").isTrue();
        }
    }

    /** A burst bigger than one write reaches the client whole: every event, in order, each a complete frame. */
    @Test
    void aBurstOfResultsArrivesAsCompleteFramesInOrder() throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(
                request("/api/v1/events")
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            awaitLineStartingWith(lines, ": connected");
            List<UUID> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) { // ~500 bytes each: several bursts of SseFrames.FLUSH_BYTES
                UUID id = UUID.randomUUID();
                sent.add(id);
                RESULTS.onResult(new ResultEvent(id, TextStatus.FAILED, null, "line one\nline two " + i));
            }
            List<UUID> received = new java.util.ArrayList<>();
            while (received.size() < sent.size()) {
                String line = lines.readLine();
                assertThat(line)
                        .as("stream ended after %d events", received.size())
                        .isNotNull();
                if (line.startsWith(":") || line.isEmpty()) {
                    continue; // a keep-alive comment, or the blank line that ends a frame
                }
                assertThat(line).isEqualTo("event: result");
                String id = lines.readLine();
                JsonNode data = JSON.readTree(lines.readLine().substring("data: ".length()));
                assertThat(lines.readLine())
                        .as("a frame ends with a blank line")
                        .isEmpty();
                assertThat(id).isEqualTo("id: " + data.get("id").asText());
                assertThat(data.get("error").asText()).startsWith("line one\nline two ");
                received.add(UUID.fromString(data.get("id").asText()));
            }
            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void badInputsGetTheir4xxAsProblemJson() throws Exception {
        expectProblem(post("/api/v1/texts", "{\"text\":\"\"}"), 400, "empty-text");
        expectProblem(post("/api/v1/texts", "{\"text\":\"   \"}"), 400, "empty-text");
        expectProblem(post("/api/v1/texts", "{\"text\":"), 400, "invalid-json");
        expectProblem(post("/api/v1/texts", "{\"text\":\"a\"} trailing"), 400, "invalid-json");
        expectProblem(post("/api/v1/texts", "[\"text\"]"), 400, "invalid-json");
        expectProblem(post("/api/v1/texts", ""), 400, "invalid-json");
        expectProblem(post("/api/v1/texts", "{\"text\":42}"), 400, "wrong-type");
        expectProblem(post("/api/v1/texts", "{\"txt\":\"hej\"}"), 400, "missing-field");
        expectProblem(post("/api/v1/texts", "{\"text\":\"a\\u0000b\"}"), 400, "invalid-text");
        expectProblem(post("/api/v1/texts", "[".repeat(5_000)), 400, "invalid-json");
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        expectProblem(
                send(request("/api/v1/texts")
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofByteArray(invalidUtf8))
                        .build()),
                400,
                "invalid-utf8");
        expectProblem(post("/api/v1/texts", "{\"text\":\"" + "å".repeat(501) + "\"}"), 413, "text-too-large");
        expectProblem(post("/api/v1/texts", "{\"text\":\"" + "a".repeat(8_000) + "\"}"), 413, "body-too-large");
        expectProblem(
                send(request("/api/v1/texts")
                        .header("Content-Type", "text/plain")
                        .POST(BodyPublishers.ofString("hej"))
                        .build()),
                415,
                "unsupported-media-type");
        expectProblem(
                send(request("/api/v1/texts")
                        .POST(BodyPublishers.ofString("{\"text\":\"hej\"}"))
                        .build()),
                415,
                "unsupported-media-type");
        expectProblem(
                send(request("/api/v1/texts")
                        .header("Content-Type", "application/json; charset=latin1")
                        .POST(BodyPublishers.ofString("{\"text\":\"hej\"}"))
                        .build()),
                415,
                "unsupported-media-type");
        expectProblem(post("/api/v1/texts:batch", "{\"texts\":[]}"), 400, "empty-batch");
        expectProblem(post("/api/v1/texts:batch", "{\"texts\":\"hej\"}"), 400, "wrong-type");
        expectProblem(post("/api/v1/texts:batch", "{\"texts\":[\"a\",1]}"), 400, "wrong-type");
        expectProblem(post("/api/v1/texts:batch", "{\"texts\":[\"a\",\"\"]}"), 400, "empty-text");
        expectProblem(
                post("/api/v1/texts:batch", "{\"texts\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}"),
                413,
                "batch-too-large");
        expectProblem(get("/api/v1/texts/" + UUID.randomUUID()), 404, "unknown-id");
        expectProblem(get("/api/v1/texts/" + UUID.randomUUID() + "?wait=1s"), 404, "unknown-id");
        expectProblem(get("/api/v1/texts/not-a-uuid"), 400, "invalid-id");
        expectProblem(get("/api/v1/texts/1-1-1-1-1"), 400, "invalid-id");
        expectProblem(get("/api/v1/texts/" + UUID.randomUUID() + "?wait=soon"), 400, "invalid-wait");
        expectProblem(get("/api/v1/nothing-here"), 404, "not-found");
        expectProblem(send(request("/api/v1/texts").DELETE().build()), 405, "method-not-allowed");
    }

    /** Issue 19: 405 answers lacked Allow (RFC 9110 requires it). */
    @Test
    void aMethodNotAllowedNamesTheAllowedOnes() throws Exception {
        HttpResponse<String> texts = send(request("/api/v1/texts").DELETE().build());
        assertThat(texts.statusCode()).isEqualTo(405);
        assertThat(texts.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow.split(", ")).contains("POST"));
        HttpResponse<String> one =
                send(request("/api/v1/texts/" + UUID.randomUUID()).DELETE().build());
        assertThat(one.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void errorsJettyAnswersItselfAreProblemJsonToo() throws Exception {
        String badUri = raw("GET /api/v1/texts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(badUri)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .doesNotContain("<html")
                .contains("X-Frame-Options: DENY")
                .contains("Content-Security-Policy: "); // issue 19: they lacked them
        String hugeHeader = raw(
                "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader)
                .startsWith("HTTP/1.1 431")
                .contains("application/problem+json")
                .doesNotContain("Exception")
                .contains("X-Content-Type-Options: nosniff")
                .contains("Referrer-Policy: no-referrer");
    }

    /** Found by HttpFuzzIT: each of these was a 5xx. */
    @Test
    void malformedRequestsFoundByFuzzingAreClientErrors() throws Exception {
        // a line feed inside the target leaves a request line without a version: Jetty said 505
        String noVersion = raw("GET /api/v1/texts/a\nb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(noVersion).startsWith("HTTP/1.1 400").contains("application/problem+json");
        // "Content-Type: ;" split into no parts: 500
        String separators = raw("POST /api/v1/texts HTTP/1.1\r\nHost: x\r\nContent-Type: ;\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");
        assertThat(separators).startsWith("HTTP/1.1 415").contains("application/problem+json");
        // a chunked body declares no length; it was read whole before its size was checked
        String part = "{\"texts\":[\"" + "a".repeat(30_000);
        String chunk = Integer.toHexString(part.length()) + "\r\n" + part + "\r\n";
        String chunked = raw("POST /api/v1/texts:batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunk + "0\r\n\r\n");
        assertThat(chunked)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("at most 20000 bytes");
    }

    /**
     * A request whose head never ends because the client closed its side: Jetty 11 answered 400; Jetty 12 closes the
     * connection at once, mostly before that 400 is out (it shuts the connection on the read EOF while the answer is
     * still being written). Either way it must not wait for more, nor answer 5xx.
     */
    @Test
    void aRequestCutShortByTheClientIsClosedAtOnceOrA400() throws Exception {
        for (String cut : List.of("c", ":", "GET", "GET /health", "GET /health HTTP/1.1\r\nHost: x")) {
            String answer = halfClosed(cut); // times out after 10 s if the server waited
            assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"))
                    .as(cut + " → " + answer)
                    .isTrue();
        }
        assertThat(halfClosed(""))
                .as("a connection closed before its first byte has nothing to answer")
                .isEmpty();
    }

    /** Sends the bytes, closes the sending side, and reads all the server says. */
    private static String halfClosed(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void healthReadyMetricsAndUi() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/ready").statusCode()).isEqualTo(200);
        BROKER_UP.set(false);
        try {
            HttpResponse<String> notReady = get("/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(notReady.body()).get("detail").asText()).isEqualTo("not ready: broker");
        } finally {
            BROKER_UP.set(true);
        }
        post("/api/v1/texts", "{\"text\":\"Hej\"}");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("glossa_texts_accepted_total").contains("jvm_memory_used_bytes");
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Language Prediction</title>").doesNotContain("innerHTML");
    }

    @Test
    void openApiDocumentsExactlyTheRoutes() throws Exception {
        JsonNode doc = JSON.readTree(get("/openapi.json").body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> documented = OpenApiOperations.of(doc);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
    }

    private static void complete(UUID id) {
        Prediction sv = new Prediction(
                "sv",
                "Swedish",
                "Svenska",
                0.93,
                List.of(
                        new Candidate("sv", "Swedish", "Svenska", 0.93),
                        new Candidate("no", "Norwegian", "Norsk", 0.05)));
        Result result = new Result(id, sv, "test-1", Instant.now(), 1000);
        STORE.complete(result);
        RESULTS.onResult(new ResultEvent(id, TextStatus.DONE, result, null));
    }

    private static void expectProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json))
                .build());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, BodyHandlers.ofString());
    }

    private static void awaitLineStartingWith(BufferedReader lines, String prefix) throws java.io.IOException {
        String line;
        do {
            line = lines.readLine();
        } while (line != null && !line.startsWith(prefix));
        assertThat(line).as("stream line starting with " + prefix).isNotNull();
    }
}
