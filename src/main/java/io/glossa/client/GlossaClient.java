package io.glossa.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The HTTP API of glossa: submit a text (once, even when retried: every submission carries an Idempotency-Key), wait
 * for its result, follow every result as server-sent events.
 *
 * <pre>{@code
 * GlossaClient glossa = new GlossaClient(URI.create("http://localhost:8080"), null);
 * TextResult result = glossa.predict("Hej, hur mår du?", Duration.ofSeconds(30));   // result.language() = "sv"
 * }</pre>
 */
public final class GlossaClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String apiKey;

    /** @param apiKey null when the server requires none */
    public GlossaClient(URI base, String apiKey) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.apiKey = apiKey;
    }

    /**
     * Submits a text and waits up to {@code wait} for its answer in the same request.
     * @return the result if it was ready in time, else the pending text (read it later with {@link #await})
     */
    public TextResult submit(String text, Question question, Duration wait, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        if (!question.languages().isEmpty()) {
            question.languages().forEach(body.putArray("languages")::add);
        }
        if (question.top() > 0) {
            body.put("top", question.top());
        }
        HttpRequest request = request("api/v1/texts?wait=" + wait.toMillis() + "ms", wait)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode answer = send(request);
        return answer.has("top")
                ? TextResult.of(answer)
                : new TextResult(
                        UUID.fromString(answer.path("id").asText()),
                        "pending",
                        null,
                        0,
                        java.util.List.of(),
                        null,
                        null);
    }

    /** The text's state after waiting up to {@code wait} (at most the server's --max-wait) while it is pending. */
    public TextResult await(UUID id, Duration wait) {
        return TextResult.of(send(request("api/v1/texts/" + id + "?wait=" + wait.toMillis() + "ms", wait)
                .GET()
                .build()));
    }

    /** Submit and wait until the text is done or failed, or {@code timeout} passed (then it is still pending). */
    public TextResult predict(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String key = UUID.randomUUID().toString(); // a retry of this call would reuse it: one text, not two
        TextResult result = submit(text, Question.ANY, min(timeout, Duration.ofSeconds(10)), key);
        while (result.isPending() && Instant.now().isBefore(deadline)) {
            result = await(result.id(), min(Duration.between(Instant.now(), deadline), Duration.ofSeconds(30)));
        }
        return result;
    }

    /** Every result from now on, until closed. */
    public EventStream events(Consumer<TextResult> listener) {
        HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve("api/v1/events")))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw problem(
                        response.statusCode(),
                        new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return new EventStream(response.body(), listener, JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + base + "api/v1/events: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the event stream", e);
        }
    }

    private HttpRequest.Builder request(String path, Duration wait) {
        return authorized(HttpRequest.newBuilder(base.resolve(path)).timeout(wait.plusSeconds(30)));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw problem(response.statusCode(), response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static GlossaClientException problem(int status, String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return new GlossaClientException(
                    status,
                    problem.path("type").asText("?"),
                    problem.path("detail").asText(body));
        } catch (IOException e) {
            return new GlossaClientException(status, "?", body);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
