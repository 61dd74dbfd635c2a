package io.glossa.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.CandidatesJson;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.UtcInstants;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the texts API (field names are a contract: see /openapi.json). */
final class TextJson {
    static final String TEXTS_PATH = "/api/v1/texts";
    private final ObjectMapper json;

    TextJson(ObjectMapper json) {
        this.json = json;
    }

    static String location(UUID id) {
        return TEXTS_PATH + "/" + id;
    }

    ObjectNode accepted(Job job) {
        ObjectNode node = json.createObjectNode();
        node.put("id", job.id().toString());
        node.put("status", TextStatus.PENDING.key());
        node.put("submitted_at", UtcInstants.format(job.submittedAt()));
        node.put("location", location(job.id()));
        return node;
    }

    ObjectNode acceptedBatch(List<Job> jobs) {
        ObjectNode node = json.createObjectNode();
        ArrayNode ids = node.putArray("ids");
        jobs.forEach(job -> ids.add(job.id().toString()));
        node.put("count", jobs.size());
        node.put("status", TextStatus.PENDING.key());
        node.put("submitted_at", UtcInstants.format(jobs.get(0).submittedAt()));
        return node;
    }

    /** A text's resource, as {@code GET /api/v1/texts/{id}} answers it (a tree: the history adds its body). */
    ObjectNode record(TextRecord record) {
        return json.valueToTree(new Streamed(out -> writeText(
                out,
                record.id(),
                record.status(),
                record.prediction(),
                record.modelVersion(),
                record.submittedAt(),
                record.completedAt(),
                record.error())));
    }

    /**
     * An SSE event: the record's fields as the event carries them (submitted_at is null if the job had none). Written
     * straight to the stream, without a tree: the event stream writes one per result.
     */
    JsonSerializable event(ResultEvent event) {
        Result result = event.result();
        return new Streamed(out -> writeText(
                out,
                event.id(),
                event.status(),
                result == null ? null : result.prediction(),
                result == null ? null : result.modelVersion(),
                event.submittedAt(),
                result == null ? null : result.completedAt(),
                event.error()));
    }

    private static void writeText(
            JsonGenerator out,
            UUID id,
            TextStatus status,
            Prediction prediction,
            String modelVersion,
            Instant submittedAt,
            Instant completedAt,
            String error)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id.toString());
        out.writeStringField("status", status.key());
        writePrediction(out, prediction);
        out.writeStringField("model_version", modelVersion);
        out.writeStringField("submitted_at", text(submittedAt));
        out.writeStringField("completed_at", text(completedAt));
        if (error != null) {
            out.writeStringField("error", error);
        }
        out.writeEndObject();
    }

    private static void writePrediction(JsonGenerator out, Prediction prediction) throws IOException {
        if (prediction == null) {
            for (String field : List.of("language", "name", "native", "probability", "top")) {
                out.writeNullField(field);
            }
            return;
        }
        out.writeStringField("language", prediction.language());
        out.writeStringField("name", prediction.name());
        out.writeStringField("native", prediction.nativeName());
        CandidatesJson.writeProbability(out, prediction.probability());
        out.writeFieldName("top");
        CandidatesJson.write(out, prediction.top());
    }

    /** What a {@link Streamed} value writes. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator out) throws IOException;
    }

    /** A value Jackson serialises by calling its writer: no tree of nodes in between. */
    private static final class Streamed extends JsonSerializable.Base {
        private final Fields fields;

        Streamed(Fields fields) {
            this.fields = fields;
        }

        @Override
        public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
            fields.write(out);
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
                throws IOException {
            fields.write(out);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : UtcInstants.format(instant);
    }
}
