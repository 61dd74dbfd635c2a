package io.glossa.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.glossa.model.Candidate;
import io.glossa.model.CandidatesJson;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-k column: a JSON array of {@code {"language","name","native","probability"}}, the same field names as the
 * HTTP API, so the column reads well in psql and survives changes to the Java records.
 */
final class TopCandidatesJson {
    /** Exact doubles (the store gives back what it was given), written by Schubfach: 69 ns against the JDK's 101. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    /** Three candidates take about 250 characters. */
    private static final int INITIAL_CHARS = 320;

    private TopCandidatesJson() {}

    /** Streamed, not built as a tree: a worker writes one per result. */
    static String write(List<Candidate> top) {
        StringWriter text = new StringWriter(INITIAL_CHARS);
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            CandidatesJson.writeExact(out, top);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the top candidates", e);
        }
        return text.toString();
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
