package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.metrics.MetricsRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's small HTTP server carries the same security headers as the API's. */
class MetricsServerTest {
    @Test
    void everyAnswerHasTheSecurityHeaders() throws Exception {
        try (MetricsServer server =
                new MetricsServer(MetricsRegistry.create("test"), () -> true).start("127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/metrics", "/health", "/ready", "/nope")) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.headers().firstValue("Content-Security-Policy"))
                        .as(path)
                        .hasValue(SecurityHeaders.CSP);
                assertThat(response.headers().firstValue("X-Content-Type-Options"))
                        .as(path)
                        .hasValue("nosniff");
                assertThat(response.headers().firstValue("X-Frame-Options"))
                        .as(path)
                        .hasValue("DENY");
            }
        }
    }
}
