package io.glossa.client.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The client side of the texts API ({@code /api/v1/texts}), for tools that submit texts to a running glossa. */
public final class TextsClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final ApiKey key;

    public TextsClient(URI base) {
        this(base, ApiKey.NONE);
    }

    public TextsClient(URI base, ApiKey key) {
        this.base = base;
        this.key = key;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpClient http() {
        return http;
    }

    /** The key every request carries, for an event stream that should carry it too. */
    public ApiKey key() {
        return key;
    }

    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** {@code POST /api/v1/texts:batch}: the ids in input order. */
    public List<String> submitBatch(List<String> texts, String lane) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("texts");
        texts.forEach(array::add);
        body.put("lane", lane);
        JsonNode answer = post("/api/v1/texts:batch", body);
        List<String> ids = new ArrayList<>(texts.size());
        answer.path("ids").forEach(id -> ids.add(id.asText()));
        if (ids.size() != texts.size()) {
            throw new IOException("the API answered " + ids.size() + " ids for " + texts.size() + " texts");
        }
        return ids;
    }

    /** {@code POST /api/v1/texts}: the new text's id. */
    public String submit(String text) throws IOException, InterruptedException {
        return post("/api/v1/texts", JSON.createObjectNode().put("text", text))
                .path("id")
                .asText();
    }

    /** {@code GET /api/v1/texts/{id}[?wait=]}: the text as the API shows it. */
    public JsonNode read(String id, Duration wait) throws IOException, InterruptedException {
        String query = wait.isZero() ? "" : "?wait=" + wait.toMillis() + "ms";
        HttpRequest request = key.on(HttpRequest.newBuilder(resolve("/api/v1/texts/" + id + query)))
                .timeout(wait.plusSeconds(30))
                .GET()
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
    }

    /** {@code GET /api/v1/lanes}: how busy the lanes are now. */
    public LaneLoad lanes() throws IOException, InterruptedException {
        HttpRequest request = key.on(HttpRequest.newBuilder(resolve("/api/v1/lanes")))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return LaneLoad.of(answer(http.send(request, HttpResponse.BodyHandlers.ofString()), 200));
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = key.on(HttpRequest.newBuilder(resolve(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()), 202);
    }

    private static JsonNode answer(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new ApiRefusal(response.statusCode(), detail(response.body()));
        }
        return JSON.readTree(response.body());
    }

    /** The problem's detail if the body is problem+json, else the body itself (shortened). */
    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not JSON: show the start of the body
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** The API answered with an error status. */
    public static final class ApiRefusal extends IOException {
        private final int status;

        ApiRefusal(int status, String detail) {
            super("HTTP " + status + ": " + detail);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** 4xx other than 429: the request itself is wrong and sending it again will not help. */
        public boolean permanent() {
            return status >= 400 && status < 500 && status != 429;
        }
    }
}
