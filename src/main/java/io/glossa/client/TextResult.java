package io.glossa.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A text's state as {@code GET /api/v1/texts/{id}}, a result event or an RPC reply carries it.
 *
 * @param status      pending, done or failed
 * @param language    the answer's code ("unknown" when the model was not confident), null unless done
 * @param probability of that answer, 0 unless done
 * @param top         the candidates, best first
 * @param error       why it failed, or null
 */
public record TextResult(
        UUID id,
        String status,
        String language,
        double probability,
        List<Candidate> top,
        String modelVersion,
        String error) {
    /** One candidate language. */
    public record Candidate(String language, String name, double probability) {}

    public TextResult {
        top = List.copyOf(top);
    }

    public boolean isPending() {
        return "pending".equals(status);
    }

    static TextResult of(JsonNode node) {
        List<Candidate> top = new ArrayList<>();
        for (JsonNode candidate : node.path("top")) {
            top.add(new Candidate(
                    candidate.path("language").asText(),
                    candidate.path("name").asText(),
                    candidate.path("probability").asDouble()));
        }
        return new TextResult(
                UUID.fromString(node.path("id").asText()),
                node.path("status").asText(),
                node.path("language").isTextual() ? node.path("language").asText() : null,
                node.path("probability").asDouble(0),
                top,
                node.path("model_version").isTextual()
                        ? node.path("model_version").asText()
                        : null,
                node.path("error").isTextual() ? node.path("error").asText() : null);
    }
}
