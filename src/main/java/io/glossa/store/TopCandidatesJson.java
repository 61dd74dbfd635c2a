package io.glossa.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.Candidate;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-k column: a JSON array of {@code {"language","name","native","probability"}}, the same field names as the
 * HTTP API, so the column reads well in psql and survives changes to the Java records.
 */
final class TopCandidatesJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopCandidatesJson() {}

    static String write(List<Candidate> top) {
        ArrayNode array = JSON.createArrayNode();
        for (Candidate candidate : top) {
            ObjectNode node = array.addObject();
            node.put("language", candidate.language());
            node.put("name", candidate.name());
            node.put("native", candidate.nativeName());
            node.put("probability", candidate.probability());
        }
        return array.toString();
    }

    static List<Candidate> read(String json) {
        try {
            List<Candidate> top = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                top.add(new Candidate(
                        text(node, "language"),
                        text(node, "name"),
                        text(node, "native"),
                        node.path("probability").asDouble()));
            }
            return top;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored top-k is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
