package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request meters on a real Jetty: tagged by route template and status, each client request counted once. */
class HttpRequestMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.requestLogger.http(new RequestObserver(registry, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.routes.get("/items/{id}", ctx -> ctx.result(ctx.pathParam("id")));
            config.routes.post("/items", ctx -> ctx.status(ctx.body().isEmpty() ? 400 : 201));
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void pathParametersShareTheirRouteTemplate() throws Exception {
        get("/items/1");
        get("/items/two");
        assertThat(timer("GET", "/items/{id}", "200").count()).isEqualTo(2);
        assertThat(registry.find(HttpRequestMetrics.NAME).tag("uri", "/items/1").timer())
                .isNull();
    }

    @Test
    void eachStatusOfARouteHasItsOwnSeries() throws Exception {
        send(HttpRequest.newBuilder(uri("/items"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        send(HttpRequest.newBuilder(uri("/items"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(timer("POST", "/items", "201").count()).isEqualTo(1);
        assertThat(timer("POST", "/items", "400").count()).isEqualTo(1);
    }

    @Test
    void requestsNoRouteHandledAreUnmatchedAndTheWelcomePageCountsOnce() throws Exception {
        get("/no/such/page");
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(timer("GET", HttpRequestMetrics.UNMATCHED, "404").count()).isEqualTo(1);
        assertThat(timer("GET", HttpRequestMetrics.UNMATCHED, "200").count())
                .as("/ forwards to /index.html")
                .isEqualTo(1);
    }

    @Test
    void theTimesAreThoseOfTheRequestsAndLandInTheFixedBuckets() throws Exception {
        get("/items/1");
        Timer timer = timer("GET", "/items/{id}", "200");
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isPositive()
                .isLessThan(10);
        assertThat(registry.scrape())
                .contains("http_server_requests_seconds_bucket{method=\"GET\",status=\"200\","
                        + "uri=\"/items/{id}\",le=\"0.005\"}");
    }

    @Test
    void aMadeUpMethodIsCountedAsInvalidNotAsItsOwnSeries() throws Exception {
        send(HttpRequest.newBuilder(uri("/items/1"))
                .method("FROB", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(registry.find(HttpRequestMetrics.NAME).tag("method", "FROB").timer())
                .isNull();
        assertThat(registry.find(HttpRequestMetrics.NAME)
                        .tag("method", HttpRequestMetrics.INVALID_METHOD)
                        .timer())
                .as(registry.scrape())
                .isNotNull();
    }

    private Timer timer(String method, String template, String status) {
        Timer timer = registry.find(HttpRequestMetrics.NAME)
                .tags("method", method, "uri", template, "status", status)
                .timer();
        assertThat(timer)
                .as(method + " " + template + " " + status + " in\n" + registry.scrape())
                .isNotNull();
        return timer;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // the request logger runs after the response is written: give it a moment before reading the meters
        Thread.sleep(50);
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}
