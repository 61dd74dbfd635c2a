package io.glossa.broker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.pipeline.Rescore;
import java.io.IOException;
import java.util.UUID;

/**
 * Writes and validates job bodies {@code {"id":"<uuid>","text":"..."}} (schema: docs/schemas/job.schema.json).
 * Unknown extra fields are ignored (a tolerant reader lets producers add fields without breaking workers);
 * everything else that is off — size, encoding, syntax, types — is a {@link MalformedMessageException}.
 */
public final class JobMessageCodec {
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

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
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id.toString());
        node.put("text", text);
        if (rescore != null) {
            ObjectNode reverify = node.putObject("reverify");
            reverify.put("run", rescore.run().toString());
            reverify.put("model_version", rescore.modelVersion());
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a job body", e);
        }
    }

    public JobMessage decode(byte[] body) throws MalformedMessageException {
        if (body == null || body.length == 0) {
            throw new MalformedMessageException("empty body; expected JSON {\"id\":\"<uuid>\",\"text\":\"...\"}");
        }
        if (body.length > maxBodyBytes) {
            throw new MalformedMessageException("body of " + body.length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw new MalformedMessageException("body is JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", expected an object {\"id\":\"<uuid>\",\"text\":\"...\"}");
        }
        return new JobMessage(id(node.get("id")), text(node.get("text")), rescore(node.get("reverify")));
    }

    private static Rescore rescore(JsonNode reverify) throws MalformedMessageException {
        if (reverify == null || reverify.isNull()) {
            return null;
        }
        JsonNode version = reverify.get("model_version");
        if (!reverify.isObject() || version == null || !version.isTextual() || version.textValue().isBlank()
                || version.textValue().length() > 64) {
            throw new MalformedMessageException("field \"reverify\" must be {\"run\":\"<uuid>\",\"model_version\":\"...\"}");
        }
        return new Rescore(id(reverify.get("run")), version.textValue());
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

    private static UUID id(JsonNode id) throws MalformedMessageException {
        if (id == null || id.isNull()) {
            throw new MalformedMessageException("field \"id\" is missing");
        }
        if (!id.isTextual()) {
            throw new MalformedMessageException("field \"id\" must be a UUID string, got " + kind(id));
        }
        try {
            UUID uuid = UUID.fromString(id.textValue());
            // UUID.fromString accepts shortened forms like "1-1-1-1-1"; only the canonical form is an id we issued
            if (!uuid.toString().equalsIgnoreCase(id.textValue())) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("field \"id\" is not a UUID: \"" + abbreviate(id.textValue()) + "\"");
        }
    }

    private static String text(JsonNode text) throws MalformedMessageException {
        if (text == null || text.isNull()) {
            throw new MalformedMessageException("field \"text\" is missing");
        }
        if (!text.isTextual()) {
            throw new MalformedMessageException("field \"text\" must be a string, got " + kind(text));
        }
        if (text.textValue().isBlank()) {
            throw new MalformedMessageException("field \"text\" is empty");
        }
        return text.textValue();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
