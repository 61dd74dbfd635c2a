package io.glossa.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** A small HTTP client of the glossa API for integration tests. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with one extra header (e.g. Idempotency-Key). */
    HttpResponse<String> post(String path, String contentType, byte[] body, String header, String value)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .header(header, value)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Submits one text, returns its id. */
    String submit(String text) throws IOException, InterruptedException {
        HttpResponse<String> response = post(
                "/api/v1/texts",
                "application/json",
                JSON.createObjectNode().put("text", text).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** Submits every text with at most {@code concurrency} requests in flight; ids in input order. */
    List<String> submitAll(List<String> texts, int concurrency) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<String>> ids = new ArrayList<>();
        for (String text : texts) {
            permits.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/texts"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.createObjectNode().put("text", text).toString()))
                    .build();
            ids.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> permits.release())
                    .thenApply(response -> {
                        if (response.statusCode() != 202) {
                            throw new AssertionError(
                                    "expected 202, got " + response.statusCode() + ": " + response.body());
                        }
                        return read(response.body()).get("id").asText();
                    }));
        }
        return ids.stream().map(CompletableFuture::join).toList();
    }

    /** Long-polls every id until it is no longer pending (or {@code perRequest} passes); the final records in order. */
    List<JsonNode> awaitAll(List<String> ids, Duration overall) throws InterruptedException {
        long deadline = System.nanoTime() + overall.toNanos();
        List<JsonNode> records = new ArrayList<>();
        for (String id : ids) {
            JsonNode record = awaitOne(id, deadline);
            records.add(record);
        }
        return records;
    }

    JsonNode awaitOne(String id, long deadlineNanos) throws InterruptedException {
        while (true) {
            try {
                HttpResponse<String> response = get("/api/v1/texts/" + id + "?wait=10s");
                JsonNode record = read(response.body());
                if (response.statusCode() != 200
                        || !"pending".equals(record.path("status").asText())
                        || System.nanoTime() > deadlineNanos) {
                    return record;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * POSTs {@code body} to {@code path} (a text or a batch) with a W3C {@code traceparent} header (none if null);
     * the ids the API answered 202 with.
     */
    List<String> submitTraced(String path, String body, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError(
                    "expected 202 for " + path + ", got " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = read(response.body());
        List<String> ids = new ArrayList<>();
        if (answer.has("ids")) {
            answer.get("ids").forEach(id -> ids.add(id.asText()));
        } else {
            ids.add(answer.get("id").asText());
        }
        return ids;
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
