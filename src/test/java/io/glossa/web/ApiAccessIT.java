package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.access.KeySecrets;
import io.glossa.access.RateLimit;
import io.glossa.access.RateLimiter;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.pipeline.InMemoryTextStore;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.SubmissionLimits;
import io.glossa.pipeline.TextSubmission;
import io.glossa.pipeline.Tracing;
import io.glossa.store.Database;
import io.glossa.store.StoreSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access control on a real Jetty with keys in a real (embedded SQLite) key store: 401 without or with a bad key,
 * 200/202 with one (Bearer, X-API-Key, ?api_key= on the event stream only), 429 with Retry-After, the open paths,
 * CORS preflights and the security headers.
 */
class ApiAccessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED_ORIGIN = "https://app.example.com";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ExecutorService READS = Executors.newFixedThreadPool(2);
    private static Path dataDir;
    private static Database database;
    private static ApiKeys keys;
    private static ApiServer server;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("glossa-access-it");
        database = Database.open(StoreSettings.embedded(dataDir, 2));
        // no validation cache, so a revocation shows at once; the default limit is far above what a test sends
        keys = new ApiKeys(database.apiKeys(), new KeySecrets(), Clock.systemUTC(), Duration.ZERO);
        key = keys.issue("it", Optional.empty()).secret();
        InMemoryTextStore store = new InMemoryTextStore();
        ResultFanout results = new ResultFanout();
        PrometheusMeterRegistry registry = MetricsRegistry.create("test");
        TextSubmission submission = new TextSubmission(
                store, new SubmissionLimits(1_000, 5), jobs -> {}, new MicrometerPipelineMetrics(registry));
        AccessSettings access = new AccessSettings(
                Optional.of(keys), new RateLimiter(new RateLimit(10_000, 10_000)), List.of(ALLOWED_ORIGIN));
        server = new ApiServer(
                        submission,
                        store,
                        results,
                        List.of(new ReadinessCheck("model", () -> true)),
                        registry,
                        new ApiSettings(Duration.ofSeconds(3), 20_000, Duration.ofMillis(200)),
                        READS,
                        access,
                        Tracing.NONE)
                .with(UiRoutesTest.routes(store, registry, results))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        READS.shutdownNow();
        database.close();
    }

    @Test
    void withoutAKeyTheApiAnswers401WithAnActionableProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/texts")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"text\":\"Hej\"}")));
        expectProblem(response, 401, "api-key-required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"glossa\"");
        assertThat(JSON.readTree(response.body()).get("detail").asText())
                .contains("Authorization: Bearer", "glossa keys create");
        expectProblem(
                send(request("/api/v1/languages").header("Authorization", "Basic Zm9vOmJhcg==")),
                401,
                "api-key-required");
        expectProblem(send(request("/api/v1/nope")), 401, "api-key-required");
    }

    @Test
    void anUnknownKeyIsRefusedWithInvalidToken() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/languages").header("Authorization", "Bearer gk_wrong"));
        expectProblem(response, 401, "api-key-invalid");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        assertThat(response.body()).doesNotContain("gk_wrong");
    }

    @Test
    void aValidKeyWorksAsBearerOrXApiKey() throws Exception {
        HttpResponse<String> accepted = send(request("/api/v1/texts")
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"text\":\"Hej, hur mår du?\"}")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("id").asText();
        HttpResponse<String> read = send(request("/api/v1/texts/" + id).header("X-API-Key", key));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(send(request("/api/v1/languages").header("authorization", "bearer " + key))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        IssuedKey issued = keys.issue("short-lived", Optional.empty());
        assertThat(send(request("/api/v1/languages").header("X-API-Key", issued.secret()))
                        .statusCode())
                .isEqualTo(200);
        keys.revoke(issued.key().id());
        expectProblem(send(request("/api/v1/languages").header("X-API-Key", issued.secret())), 401, "api-key-invalid");
    }

    @Test
    void theKeyInTheQueryIsTakenOnTheEventStreamOnly() throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(
                request(ResultStream.PATH + "?api_key=" + key)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        }
        expectProblem(send(request(ResultStream.PATH)), 401, "api-key-required");
        expectProblem(send(request("/api/v1/languages?api_key=" + key)), 401, "api-key-required");
    }

    @Test
    void aKeyOverItsOwnLimitGets429WithRetryAfter() throws Exception {
        // one request per hour, burst 1: the second request is over the limit whatever the machine's speed
        IssuedKey slow = keys.issue("slow", Optional.of(RateLimit.parse("1/h", 1)));
        assertThat(send(request("/api/v1/languages").header("X-API-Key", slow.secret()))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> limited = send(request("/api/v1/languages").header("X-API-Key", slow.secret()));
        expectProblem(limited, 429, "rate-limited");
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3000L, 3600L);
        assertThat(JSON.readTree(limited.body()).get("detail").asText()).contains("limited to 1/h, burst 1");
        assertThat(send(request("/api/v1/languages").header("X-API-Key", key)).statusCode())
                .as("other keys have their own buckets")
                .isEqualTo(200);
    }

    @Test
    void probesMetricsTheApiDocumentAndTheUiFilesStayOpen() throws Exception {
        for (String path : List.of(
                "/health",
                "/ready",
                "/metrics",
                "/openapi.json",
                "/",
                "/index.html",
                "/common.js",
                "/dashboard.html",
                "/style.css")) {
            assertThat(send(request(path)).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void securityHeadersAreOnPagesApiAnswersAndRefusals() throws Exception {
        for (HttpResponse<String> response : List.of(
                send(request("/")),
                send(request("/app.js")),
                send(request("/api/v1/languages")),
                send(request("/api/v1/languages").header("X-API-Key", key)),
                send(request("/health")))) {
            String what = response.uri().getPath() + " " + response.statusCode();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValue(SecurityHeaders.CSP);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(what)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(what)
                    .hasValue("no-referrer");
        }
        assertThat(SecurityHeaders.CSP).contains("frame-ancestors 'none'");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredBeforeAuthentication() throws Exception {
        HttpResponse<String> preflight = send(request("/api/v1/texts")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("Authorization", "Content-Type"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();

        HttpResponse<String> actual = send(
                request("/api/v1/languages").header("Origin", ALLOWED_ORIGIN).header("Authorization", "Bearer " + key));
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        HttpResponse<String> refused = send(request("/api/v1/languages").header("Origin", ALLOWED_ORIGIN));
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                .as("a page on an allowed origin can read why it was refused")
                .hasValue(ALLOWED_ORIGIN);
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedAndItsPagesGetNoAllowOrigin() throws Exception {
        HttpResponse<String> preflight = send(request("/api/v1/texts")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        expectProblem(preflight, 403, "origin-not-allowed");
        assertThat(JSON.readTree(preflight.body()).get("detail").asText())
                .contains("--cors-origin https://evil.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();

        HttpResponse<String> actual = send(request("/api/v1/languages")
                .header("Origin", "https://evil.example")
                .header("X-API-Key", key));
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDeclaresTheKeyAndThe401And429AnswersOnEveryApiOperation() throws Exception {
        JsonNode doc = JSON.readTree(send(request("/openapi.json")).body());
        assertThat(doc.at("/components/securitySchemes/bearerKey/scheme").asText())
                .isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/headerKey/name").asText())
                .isEqualTo("X-API-Key");
        doc.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String what = operation.getKey() + " " + path.getKey();
                    boolean api = path.getKey().startsWith("/api/");
                    // open routes say so explicitly ("security": [], which OpenAPI linters ask for); API routes name
                    // the keys
                    JsonNode security = operation.getValue().path("security");
                    assertThat(security.isArray() && !security.isEmpty())
                            .as(what)
                            .isEqualTo(api);
                    assertThat(operation.getValue().get("responses").has("401"))
                            .as(what)
                            .isEqualTo(api);
                    assertThat(operation.getValue().get("responses").has("429"))
                            .as(what)
                            .isEqualTo(api);
                }));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private static void expectProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("/problems/" + slug);
        assertThat(body.get("status").asInt()).isEqualTo(status);
    }
}
