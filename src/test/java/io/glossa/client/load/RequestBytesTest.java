package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes the load tool sends: a well-framed POST whose JSON carries each text exactly, in the cycle's order. */
class RequestBytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextSource TEXTS = new TextSource(List.of("Hej \"du\"\\", "line\nbreak å ☃", "tab\there"));

    private static LoadSettings settings(String url, int batch, ApiKey key) {
        return new LoadSettings(
                URI.create(url), 100, Duration.ofSeconds(1), 4, Duration.ofSeconds(1), Duration.ZERO, batch, key);
    }

    /** The request's head lines and its body, checking Content-Length against the body's bytes. */
    private static JsonNode body(byte[] request, List<String> headLines) throws Exception {
        String raw = new String(request, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        headLines.addAll(List.of(raw.substring(0, end).split("\r\n")));
        int length = request.length - end - 4;
        assertThat(headLines).contains("Content-Length: " + length);
        return JSON.readTree(new String(request, end + 4, length, StandardCharsets.UTF_8));
    }

    @Test
    void oneTextPerRequestPostsItToTheTextsPathUnderTheBaseUrlsPath() throws Exception {
        RequestBytes requests = new RequestBytes(settings("http://127.0.0.1:8123/glossa/", 1, ApiKey.NONE), TEXTS);
        for (long i = 0; i < 5; i++) {
            List<String> head = new java.util.ArrayList<>();
            JsonNode body = body(requests.request(i, 1), head);
            assertThat(head.get(0)).isEqualTo("POST /glossa/api/v1/texts HTTP/1.1");
            assertThat(head).contains("Host: 127.0.0.1:8123", "Content-Type: application/json");
            assertThat(head).noneMatch(line -> line.startsWith("Authorization"));
            assertThat(body.get("text").asText()).isEqualTo(TEXTS.text((int) (i % 3)));
            assertThat(body.size()).isEqualTo(1);
        }
        assertThat(requests.request(4, 1)).as("kept for the next round").isSameAs(requests.request(1, 1));
    }

    @Test
    void severalTextsPerRequestGoToTheBatchPathInTheRealtimeLaneWithTheKey() throws Exception {
        RequestBytes requests = new RequestBytes(settings("http://localhost:8080", 4, new ApiKey("gk_secret")), TEXTS);
        List<String> head = new java.util.ArrayList<>();
        JsonNode body = body(requests.request(2, 4), head);
        assertThat(head.get(0)).isEqualTo("POST /api/v1/texts:batch HTTP/1.1");
        assertThat(head).contains("Host: localhost:8080", "Authorization: Bearer gk_secret");
        assertThat(body.get("lane").asText()).isEqualTo("realtime");
        assertThat(body.get("texts"))
                .extracting(JsonNode::asText)
                .containsExactly(TEXTS.text(2), TEXTS.text(0), TEXTS.text(1), TEXTS.text(2));
        List<String> lastHead = new java.util.ArrayList<>();
        assertThat(body(requests.request(6, 1), lastHead).get("texts"))
                .as("the run's last request may carry fewer")
                .hasSize(1);
        assertThat(lastHead.get(0)).isEqualTo("POST /api/v1/texts:batch HTTP/1.1");
    }
}
