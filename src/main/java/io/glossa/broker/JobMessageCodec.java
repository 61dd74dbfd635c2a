package io.glossa.broker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Question;
import io.glossa.pipeline.Rescore;
import io.glossa.pipeline.UtcInstants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes and validates job bodies {@code {"id":"<uuid>","text":"..."}} (schema: docs/schemas/job.schema.json) and
 * multi-job bodies {@code {"jobs":[{"id","text","submitted_at","traceparent"}, ...]}} (docs/schemas/jobs.schema.json).
 * Unknown extra fields are ignored (a tolerant reader lets producers add fields without breaking workers);
 * everything else that is off — size, encoding, syntax, types — is a {@link MalformedMessageException}.
 */
public final class JobMessageCodec {
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** Most jobs one multi-job body may hold. */
    public static final int MAX_JOBS_PER_BODY = 1_000;
    /** Most candidate languages a job may name. */
    public static final int MAX_LANGUAGES = 100;
    /** Largest top-k a job may ask for. */
    public static final int MAX_TOP = 100;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxBodyBytes;

    public JobMessageCodec(int maxBodyBytes) {
        if (maxBodyBytes < 64) {
            throw new IllegalArgumentException("max job body must be at least 64 bytes, got " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public static byte[] encode(UUID id, String text) {
        return encode(id, text, null);
    }

    /** @param rescore null for a client's text; else the re-verify run and model version the job belongs to */
    public static byte[] encode(UUID id, String text, Rescore rescore) {
        return write(jobNode(JSON.createObjectNode(), id, text, rescore, Question.DEFAULT, null));
    }

    /** A single-job body with everything the job carries but its submission time (an AMQP header then). */
    public static byte[] encode(Job job) {
        return write(
                jobNode(JSON.createObjectNode(), job.id(), job.text(), job.rescore(), job.question(), job.owner()));
    }

    /** Several jobs in one body, each with its submission time (its lane is the message's routing key). */
    public static byte[] encodeAll(List<Job> jobs) {
        if (jobs.isEmpty() || jobs.size() > MAX_JOBS_PER_BODY) {
            throw new IllegalArgumentException(
                    "a multi-job body holds 1 to " + MAX_JOBS_PER_BODY + " jobs, got " + jobs.size());
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("jobs");
        for (Job job : jobs) {
            ObjectNode item =
                    jobNode(items.addObject(), job.id(), job.text(), job.rescore(), job.question(), job.owner());
            if (job.submittedAt() != null) {
                item.put("submitted_at", UtcInstants.format(job.submittedAt()));
            }
            if (job.trace() != null) {
                item.put("traceparent", job.trace().traceparent());
            }
        }
        return write(body);
    }

    private static ObjectNode jobNode(
            ObjectNode node, UUID id, String text, Rescore rescore, Question question, Long owner) {
        node.put("id", id.toString());
        node.put("text", text);
        if (owner != null) {
            node.put("owner_key_id", owner.longValue());
        }
        if (!question.languages().isEmpty()) {
            ArrayNode languages = node.putArray("languages");
            question.languages().forEach(languages::add);
        }
        if (question.top() != null) {
            node.put("top", question.top());
        }
        if (rescore != null) {
            ObjectNode reverify = node.putObject("reverify");
            reverify.put("run", rescore.run().toString());
            reverify.put("model_version", rescore.modelVersion());
        }
        return node;
    }

    private static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a job body", e);
        }
    }

    /** A single-job body. */
    public JobMessage decode(byte[] body) throws MalformedMessageException {
        return JobFields.job(parseObject(body), null, null);
    }

    /** A single-job or a multi-job body: a body with a {@code "jobs"} field is the latter. */
    public JobBody decodeAll(byte[] body) throws MalformedMessageException {
        JsonNode node = parseObject(body);
        JsonNode jobs = node.get("jobs");
        if (jobs == null) {
            return new JobBody(List.of(JobFields.job(node, null, null)), false);
        }
        if (!jobs.isArray() || jobs.isEmpty() || jobs.size() > MAX_JOBS_PER_BODY) {
            throw new MalformedMessageException("field \"jobs\" must be an array of 1 to " + MAX_JOBS_PER_BODY
                    + " job objects {\"id\":\"<uuid>\",\"text\":\"...\"}");
        }
        List<JobMessage> messages = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            JsonNode item = jobs.get(i);
            try {
                if (!item.isObject()) {
                    throw new MalformedMessageException("is JSON " + JobFields.kind(item) + ", expected an object");
                }
                messages.add(JobFields.job(
                        item,
                        JobFields.submittedAt(item.get("submitted_at")),
                        JobFields.trace(item.get("traceparent"))));
            } catch (MalformedMessageException e) {
                throw new MalformedMessageException("jobs[" + i + "]: " + e.getMessage());
            }
        }
        return new JobBody(messages, true);
    }

    private JsonNode parseObject(byte[] body) throws MalformedMessageException {
        if (body == null || body.length == 0) {
            throw new MalformedMessageException("empty body; expected JSON {\"id\":\"<uuid>\",\"text\":\"...\"}");
        }
        if (body.length > maxBodyBytes) {
            throw new MalformedMessageException(
                    "body of " + body.length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw new MalformedMessageException("body is JSON " + JobFields.kind(node)
                    + ", expected an object {\"id\":\"<uuid>\",\"text\":\"...\"}");
        }
        return node;
    }

    private static JsonNode parse(byte[] body) throws MalformedMessageException {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("body is not valid JSON (UTF-8): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedMessageException("body cannot be read: " + e.getMessage());
        }
    }
}
