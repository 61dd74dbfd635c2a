package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.model.Candidate;
import io.glossa.model.LabelInfo;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Feedback;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.HistoryItem;
import io.glossa.pipeline.InMemoryTextStore;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.SubmissionLimits;
import io.glossa.pipeline.TextHistory;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextSubmission;
import io.glossa.pipeline.Tracing;
import io.glossa.pipeline.UnknownTextException;
import io.glossa.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UI's routes on a real Jetty with fakes of our own ports: history, feedback, languages, stats, headers. */
class UiRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InMemoryTextStore STORE = new InMemoryTextStore();
    private static final ResultFanout RESULTS = new ResultFanout();
    private static final ExecutorService READS = Executors.newFixedThreadPool(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<FeedbackLabel> LABELS = new CopyOnWriteArrayList<>();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T12:00:00.500Z"));
    private static ApiServer server;
    private static StatsSampler sampler;
    private static MicrometerPipelineMetrics metrics;
    private static PrometheusMeterRegistry registry;

    /** The UI's routes over fakes (also used by ApiServerTest, so /openapi.json is checked against every route). */
    static RouteGroup routes(TextStore store, MeterRegistry registry, ResultFanout results) {
        return routes(store, registry, results, new StatsSampler(registry, java.time.Clock.systemUTC()));
    }

    static RouteGroup routes(TextStore store, MeterRegistry registry, ResultFanout results, StatsSampler sampler) {
        TextHistory history = (limit, requester) -> {
            List<HistoryItem> items = new ArrayList<>();
            for (UUID id : ((InMemoryTextStore) store).ids()) {
                store.find(id, requester).ifPresent(r -> items.add(0, new HistoryItem(r, "text of " + id)));
            }
            return items.subList(0, Math.min(limit, items.size()));
        };
        FeedbackStore feedback = new FeedbackStore() {
            @Override
            public Feedback add(UUID textId, String language, io.glossa.pipeline.Requester author) {
                if (store.find(textId, author).isEmpty()) {
                    throw new UnknownTextException(textId);
                }
                Feedback stored = new Feedback(LABELS.size() + 1, textId, language, Instant.now());
                LABELS.add(new FeedbackLabel(stored.id(), textId, "text of " + textId, language, stored.createdAt()));
                return stored;
            }

            @Override
            public List<FeedbackLabel> labels(long afterId, int limit) {
                return LABELS.stream()
                        .filter(l -> l.feedbackId() > afterId)
                        .limit(limit)
                        .toList();
            }
        };
        ResultTally tally = new ResultTally(registry);
        results.add(tally);
        UiRoutes ui = new UiRoutes(
                history,
                feedback,
                new LanguageCatalog(List.of(LabelInfo.of("sv"), LabelInfo.of("no"))),
                registry,
                sampler,
                () -> List.of(
                        new QueueDepth("g.jobs.realtime", "realtime", true, 3, 2),
                        new QueueDepth("g.jobs.batch", "batch", true, 40, 2),
                        new QueueDepth("g.failed", "failed", true, 1, 0)),
                tally,
                () -> "test-model");
        ReverifyRoutes reverify = new ReverifyRoutes(REVERIFY);
        return app -> { // as ApiAssembly adds them
            ui.register(app);
            reverify.register(app);
        };
    }

    static final FixedReverifyRuns REVERIFY = new FixedReverifyRuns();

    @Test
    void reVerifyRunsAreListedAndOneShowsItsReport() throws Exception {
        JsonNode list = JSON.readTree(get("/api/v1/reverify").body());
        assertThat(list.get("runs")).hasSize(2);
        assertThat(list.get("runs").get(0).get("status").asText()).isEqualTo("finished");
        assertThat(list.get("runs").get(0).has("report"))
                .as("the list has no reports")
                .isFalse();

        JsonNode finished = JSON.readTree(
                get("/api/v1/reverify/" + FixedReverifyRuns.FINISHED).body());
        assertThat(finished.get("model_version").asText()).isEqualTo("2027-01-01.c0a9be68");
        assertThat(finished.get("report").get("agreement").asDouble()).isEqualTo(0.7);
        JsonNode running = JSON.readTree(
                get("/api/v1/reverify/" + FixedReverifyRuns.RUNNING).body());
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(running.get("report").isNull()).isTrue();

        expect(get("/api/v1/reverify/nope"), 400, "invalid-id");
        expect(get("/api/v1/reverify/" + java.util.UUID.randomUUID()), 404, "unknown-run");
    }

    @BeforeAll
    static void start() {
        registry = MetricsRegistry.create("test");
        metrics = new MicrometerPipelineMetrics(registry);
        TextSubmission submission = new TextSubmission(STORE, new SubmissionLimits(1_000, 5), jobs -> {}, metrics);
        // as ApiAssembly does: the API times each result event it sees
        RESULTS.add(e -> metrics.resultObserved(e.status(), Duration.between(e.submittedAt(), Instant.now())));
        server = new ApiServer(
                        submission,
                        STORE,
                        RESULTS,
                        List.of(),
                        registry,
                        new ApiSettings(Duration.ofSeconds(3), 20_000, Duration.ofMillis(200)),
                        READS,
                        AccessSettings.OPEN,
                        Tracing.NONE)
                .with(routes(STORE, registry, RESULTS, sampler = new StatsSampler(registry, CLOCK)))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        READS.shutdownNow();
    }

    @Test
    void historyListsTheNewestTextsWithTheirTexts() throws Exception {
        String first = submit("one");
        String second = submit("two");
        JsonNode texts = JSON.readTree(get("/api/v1/texts?limit=2").body()).get("texts");
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).get("id").asText()).isEqualTo(second);
        assertThat(texts.get(0).get("text").asText()).isEqualTo("text of " + second);
        assertThat(texts.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(texts.get(1).get("id").asText()).isEqualTo(first);
        assertThat(JSON.readTree(get("/api/v1/texts").body()).get("texts").size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBadLimitIsA400() throws Exception {
        for (String limit : List.of("0", "101", "x", "-1", "1e3")) {
            HttpResponse<String> response = get("/api/v1/texts?limit=" + limit);
            assertThat(response.statusCode()).as(limit).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("/problems/invalid-limit");
        }
    }

    @Test
    void feedbackIsStoredAndAnswered201WithTheNames() throws Exception {
        String id = submit("Hej");
        HttpResponse<String> response = post("/api/v1/texts/" + id + "/feedback", "{\"language\":\"sv\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("text_id").asText()).isEqualTo(id);
        assertThat(body.get("name").asText() + " — " + body.get("native").asText())
                .isEqualTo("Swedish — Svenska");
        assertThat(LABELS).anySatisfy(l -> {
            assertThat(l.textId().toString()).isEqualTo(id);
            assertThat(l.language()).isEqualTo("sv");
        });
    }

    @Test
    void badFeedbackGetsItsProblem() throws Exception {
        String id = submit("Hej");
        expect(post("/api/v1/texts/" + UUID.randomUUID() + "/feedback", "{\"language\":\"sv\"}"), 404, "unknown-id");
        expect(post("/api/v1/texts/" + id + "/feedback", "{\"language\":\"xx\"}"), 400, "unknown-language");
        expect(
                post("/api/v1/texts/" + id + "/feedback", "{\"language\":\"<script>" + "x".repeat(100) + "\"}"),
                400,
                "unknown-language");
        expect(post("/api/v1/texts/" + id + "/feedback", "{}"), 400, "missing-field");
        expect(post("/api/v1/texts/" + id + "/feedback", "{\"language\":7}"), 400, "wrong-type");
        expect(post("/api/v1/texts/" + id + "/feedback", "{\"language\":"), 400, "invalid-json");
        expect(post("/api/v1/texts/not-an-id/feedback", "{\"language\":\"sv\"}"), 400, "invalid-id");
        HttpResponse<String> text = HTTP.send(
                request("/api/v1/texts/" + id + "/feedback")
                        .header("Content-Type", "text/plain")
                        .POST(BodyPublishers.ofString("sv"))
                        .build(),
                BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void languagesAreTheModelsLabelsWithNames() throws Exception {
        JsonNode languages = JSON.readTree(get("/api/v1/languages").body()).get("languages");
        assertThat(languages).hasSize(2);
        assertThat(languages.get(0).get("code").asText()).isEqualTo("sv");
        assertThat(languages.get(0).get("native").asText()).isEqualTo("Svenska");
    }

    @Test
    void statsCarryTheSecondsAfterTheOneAskedFor() throws Exception {
        sampler.sample();
        submit("Hej igen, hur står det till?");
        CLOCK.advance(Duration.ofSeconds(1));
        sampler.sample();
        long now = CLOCK.instant().getEpochSecond();

        JsonNode history =
                JSON.readTree(get("/api/v1/stats?history_after=0").body()).get("history");
        assertThat(history.get("period_seconds").asInt()).isEqualTo(1);
        assertThat(history.get("capacity_seconds").asInt()).isEqualTo(900);
        int seconds = history.get("accepted").size();
        assertThat(history.get("first_second").asLong() + seconds - 1).isEqualTo(now);
        for (String series : List.of("completed", "p50_ms", "p95_ms", "p99_ms")) {
            assertThat(history.get(series)).as(series).hasSize(seconds);
        }
        assertThat(history.get("accepted").get(seconds - 1).asDouble()).isGreaterThanOrEqualTo(1);

        JsonNode newer =
                JSON.readTree(get("/api/v1/stats?history_after=" + now).body()).get("history");
        assertThat(newer.get("accepted")).as("nothing after the newest second").isEmpty();
        assertThat(JSON.readTree(get("/api/v1/stats").body()).has("history"))
                .as("only when asked")
                .isFalse();
        expect(get("/api/v1/stats?history_after=yesterday"), 400, "invalid-history-after");
        expect(get("/api/v1/stats?history_after=-1"), 400, "invalid-history-after");
    }

    @Test
    void lanesShowTheRealtimeP99OfTheLastSecondsAndBothQueues() throws Exception {
        sampler.sample();
        for (int i = 0; i < 30; i++) {
            metrics.completed(
                    Lane.REALTIME,
                    TextStatus.DONE,
                    new PipelineMetrics.StageTimes(
                            Duration.ofNanos(5_000), Duration.ofMillis(1), Duration.ofMillis(8)));
        }
        CLOCK.advance(Duration.ofSeconds(1));
        sampler.sample();

        HttpResponse<String> response = get("/api/v1/lanes");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode lanes = JSON.readTree(response.body());
        JsonNode realtime = lanes.get("realtime");
        assertThat(realtime.get("completed").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(realtime.get("window_seconds").asLong()).isBetween(1L, (long) LaneRoutes.WINDOW_SECONDS);
        assertThat(realtime.get("p99_ms").asDouble()).isBetween(6.0, 11.0);
        assertThat(realtime.get("queued_messages").asLong()).isEqualTo(3);
        assertThat(lanes.get("batch").get("queued_messages").asLong()).isEqualTo(40);
    }

    @Test
    void lanesCountRealtimeAcceptsAtOnceAndNotTheBatchLanes() throws Exception {
        long before = JSON.readTree(get("/api/v1/lanes").body())
                .get("realtime")
                .get("accepted_total")
                .asLong();
        metrics.accepted(Lane.REALTIME, 7);
        metrics.accepted(Lane.BATCH, 500);

        JsonNode realtime = JSON.readTree(get("/api/v1/lanes").body()).get("realtime");
        assertThat(realtime.get("accepted_total").asLong())
                .as("no sample taken in between: the counter is read at the request")
                .isEqualTo(before + 7);
    }

    @Test
    void statsReadTheMetersQueuesAndResults() throws Exception {
        String id = submit("Hej, hur mår du?");
        Prediction sv = new Prediction(
                "sv", "Swedish", "Svenska", 0.9, List.of(new Candidate("sv", "Swedish", "Svenska", 0.9)));
        Result result = new Result(UUID.fromString(id), sv, "v7", Instant.now(), 1000);
        STORE.complete(result);
        RESULTS.onResult(new ResultEvent(
                result.id(), TextStatus.DONE, result, null, Instant.now().minusMillis(20)));

        JsonNode stats = JSON.readTree(get("/api/v1/stats").body());
        assertThat(stats.get("counters").get("accepted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("model").get("version").asText()).isEqualTo("v7");
        assertThat(stats.get("languages").get("sv").asLong()).isGreaterThanOrEqualTo(1);
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .as("the dashboard's language count is the /metrics counter")
                .contains("glossa_predictions_total{language=\"sv\",role=\"test\"} "
                        + stats.get("languages").get("sv").asLong() + ".0\n");
        assertThat(stats.get("queues").get(1).get("kind").asText()).isEqualTo("batch");
        assertThat(stats.get("queues").get(1).get("messages").asLong()).isEqualTo(40);
        assertThat(stats.get("queues_error").isNull()).isTrue();
        JsonNode latency = stats.get("latency").get("submit_to_result");
        assertThat(latency.get("count").asLong()).isGreaterThanOrEqualTo(1);
        long previous = 0;
        double previousLe = 0;
        for (JsonNode bucket : latency.get("buckets")) { // cumulative, ascending: what the page's quantiles need
            assertThat(bucket.get(0).asDouble()).isGreaterThan(previousLe);
            assertThat(bucket.get(1).asLong()).isGreaterThanOrEqualTo(previous);
            previousLe = bucket.get(0).asDouble();
            previous = bucket.get(1).asLong();
        }
        assertThat(previous).isEqualTo(latency.get("count").asLong());
        assertThat(stats.get("latency").get("end_to_end").get("count").asLong())
                .as("what workers stored, both lanes")
                .isEqualTo(registry.find(MeterReadings.END_TO_END).timers().stream()
                        .mapToLong(t -> t.count())
                        .sum());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/v1/languages", "/nope")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(SecurityHeaders.CSP);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
    }

    @Test
    void theUiPagesUseNoInlineScriptOrHtmlInjection() throws Exception {
        for (String page : List.of("/", "/batch.html", "/dashboard.html", "/reverify.html")) {
            String html = get(page).body();
            assertThat(html)
                    .as(page)
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                    .doesNotContain("style=\"")
                    .doesNotContainPattern("\\son[a-z]+\\s*=");
        }
        for (String script : List.of(
                "/common.js",
                "/app.js",
                "/batch.js",
                "/batch-parse.js",
                "/dashboard.js",
                "/charts.js",
                "/reverify.js")) {
            HttpResponse<String> response = get(script);
            assertThat(response.statusCode()).as(script).isEqualTo(200);
            assertThat(response.body())
                    .as(script)
                    .doesNotContain("innerHTML")
                    .doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write")
                    .doesNotContain("eval(");
        }
    }

    @Test
    void theOpenApiDocumentListsExactlyTheRoutes() throws Exception {
        JsonNode doc = JSON.readTree(get("/openapi.json").body());
        List<String> documented = OpenApiOperations.of(doc);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
    }

    private static String submit(String text) throws Exception {
        HttpResponse<String> response =
                post("/api/v1/texts", JSON.createObjectNode().put("text", text).toString());
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static void expect(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("/problems/" + slug);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(json))
                        .build(),
                BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), BodyHandlers.ofString());
    }
}
