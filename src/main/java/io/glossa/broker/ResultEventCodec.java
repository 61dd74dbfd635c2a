package io.glossa.broker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.Candidate;
import io.glossa.model.CandidatesJson;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.UtcInstants;
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
    /** An event with three candidates is about 500 bytes. */
    private static final int INITIAL_BYTES = 640;

    private ResultEventCodec() {}

    /** Streamed, not built as a tree: a worker writes one per job, and the tree was most of the cost. */
    public static byte[] encode(ResultEvent event) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(INITIAL_BYTES);
        try (JsonGenerator out = JSON.getFactory().createGenerator(bytes)) {
            Result result = event.result();
            Prediction prediction = result == null ? null : result.prediction();
            out.writeStartObject();
            out.writeStringField("id", event.id().toString());
            out.writeStringField("status", event.status().key());
            out.writeStringField("language", prediction == null ? null : prediction.language());
            out.writeStringField("name", prediction == null ? null : prediction.name());
            out.writeStringField("native", prediction == null ? null : prediction.nativeName());
            if (prediction == null) {
                out.writeNullField("probability");
            } else {
                CandidatesJson.writeProbability(out, prediction.probability());
            }
            out.writeFieldName("top");
            CandidatesJson.write(out, prediction == null ? List.of() : prediction.top());
            out.writeStringField("model_version", result == null ? null : result.modelVersion());
            out.writeStringField("submitted_at", instant(event.submittedAt()));
            out.writeStringField("completed_at", instant(result == null ? null : result.completedAt()));
            out.writeStringField("error", event.error());
            if (event.owner() != null) {
                out.writeNumberField("owner_key_id", event.owner().longValue()); // absent: owned by nobody
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a result event", e);
        }
        return bytes.toByteArray();
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
        return node == null || node.isNull() ? null : UtcInstants.parse(node.asText());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : UtcInstants.format(instant);
    }
}
