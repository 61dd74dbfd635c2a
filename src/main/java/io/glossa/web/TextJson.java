package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
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
        node.put("submitted_at", job.submittedAt().toString());
        node.put("location", location(job.id()));
        return node;
    }

    ObjectNode acceptedBatch(List<Job> jobs) {
        ObjectNode node = json.createObjectNode();
        ArrayNode ids = node.putArray("ids");
        jobs.forEach(job -> ids.add(job.id().toString()));
        node.put("count", jobs.size());
        node.put("status", TextStatus.PENDING.key());
        node.put("submitted_at", jobs.get(0).submittedAt().toString());
        return node;
    }

    ObjectNode record(TextRecord record) {
        ObjectNode node = json.createObjectNode();
        node.put("id", record.id().toString());
        node.put("status", record.status().key());
        prediction(node, record.prediction());
        node.put("model_version", record.modelVersion());
        node.put("submitted_at", text(record.submittedAt()));
        node.put("completed_at", text(record.completedAt()));
        if (record.error() != null) {
            node.put("error", record.error());
        }
        return node;
    }

    /** An SSE event: the record's fields as the event carries them (submitted_at is null if the job had none). */
    ObjectNode event(ResultEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("id", event.id().toString());
        node.put("status", event.status().key());
        prediction(node, event.result() == null ? null : event.result().prediction());
        node.put("model_version", event.result() == null ? null : event.result().modelVersion());
        node.put("submitted_at", text(event.submittedAt()));
        node.put(
                "completed_at",
                event.result() == null ? null : text(event.result().completedAt()));
        if (event.error() != null) {
            node.put("error", event.error());
        }
        return node;
    }

    private void prediction(ObjectNode node, Prediction prediction) {
        if (prediction == null) {
            node.putNull("language");
            node.putNull("name");
            node.putNull("native");
            node.putNull("probability");
            node.putNull("top");
            return;
        }
        node.put("language", prediction.language());
        node.put("name", prediction.name());
        node.put("native", prediction.nativeName());
        node.put("probability", prediction.probability());
        ArrayNode top = node.putArray("top");
        for (Candidate c : prediction.top()) {
            top.addObject()
                    .put("language", c.language())
                    .put("name", c.name())
                    .put("native", c.nativeName())
                    .put("probability", c.probability());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
