package io.glossa.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Result events in the shape of the HTTP {@code GET /api/v1/texts/{id}} response (docs/schemas/result-event.schema.json):
 * {@code {"id","status","language","name","native","probability","top":[...],"model_version","submitted_at",
 * "completed_at","error"}}, plus {@code "owner_key_id"} when the text has an owner (an API key id; an event stream
 * shows it to that key and admin keys only). The same body is the RPC reply.
 */
final class ResultEventCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultEventCodec() {}

    public static byte[] encode(ResultEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", event.id().toString());
        node.put("status", event.status().key());
        Result result = event.result();
        Prediction prediction = result == null ? null : result.prediction();
        node.put("language", prediction == null ? null : prediction.language());
        node.put("name", prediction == null ? null : prediction.name());
        node.put("native", prediction == null ? null : prediction.nativeName());
        if (prediction == null) {
            node.putNull("probability");
        } else {
            node.put("probability", prediction.probability());
        }
        ArrayNode top = node.putArray("top");
        if (prediction != null) {
            for (Candidate c : prediction.top()) {
                ObjectNode candidate = top.addObject();
                candidate.put("language", c.language());
                candidate.put("name", c.name());
                candidate.put("native", c.nativeName());
                candidate.put("probability", c.probability());
            }
        }
        node.put("model_version", result == null ? null : result.modelVersion());
        node.put("submitted_at", instant(event.submittedAt()));
        node.put("completed_at", instant(result == null ? null : result.completedAt()));
        node.put("error", event.error());
        if (event.owner() != null) {
            node.put("owner_key_id", event.owner().longValue()); // absent: owned by nobody
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a result event", e);
        }
    }

    /** @throws IllegalArgumentException if the body is not a result event */
    public static ResultEvent decode(byte[] body) {
        try {
            return decode(JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a result event: " + e.getMessage(), e);
        }
    }

    /** One event of a parsed body (a result group holds several). @throws IllegalArgumentException if it is none */
    static ResultEvent decode(JsonNode node) {
        try {
            UUID id = UUID.fromString(required(node, "id").asText());
            TextStatus status =
                    TextStatus.valueOf(required(node, "status").asText().toUpperCase(Locale.ROOT));
            Instant submitted = instantOrNull(node.get("submitted_at"));
            Instant completed = instantOrNull(node.get("completed_at"));
            String error = textOrNull(node.get("error"));
            Result result = null;
            String language = textOrNull(node.get("language"));
            if (language != null) {
                List<Candidate> top = new ArrayList<>();
                for (JsonNode c : node.path("top")) {
                    top.add(new Candidate(
                            c.path("language").asText(),
                            textOrNull(c.get("name")),
                            textOrNull(c.get("native")),
                            c.path("probability").asDouble()));
                }
                Prediction prediction = new Prediction(
                        language,
                        textOrNull(node.get("name")),
                        textOrNull(node.get("native")),
                        node.path("probability").asDouble(),
                        top);
                result = new Result(id, prediction, textOrNull(node.get("model_version")), completed, 0L);
            }
            JsonNode owner = node.get("owner_key_id");
            return new ResultEvent(
                    id, status, result, error, submitted, owner == null || owner.isNull() ? null : owner.longValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a result event: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instantOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
