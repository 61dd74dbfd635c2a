package io.glossa.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.pipeline.Question;
import io.glossa.pipeline.Rescore;
import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.UtcInstants;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads and checks the fields of one job object of a job body, for {@link JobMessageCodec}: a field that is off
 * makes the job a {@link MalformedMessageException} whose message names the field and what it must be.
 */
final class JobFields {
    private JobFields() {}

    static JobMessage job(JsonNode node, Instant submittedAt, TraceContext trace) throws MalformedMessageException {
        return new JobMessage(
                id(node.get("id")),
                text(node.get("text")),
                rescore(node.get("reverify")),
                submittedAt,
                question(node.get("languages"), node.get("top")),
                trace,
                owner(node.get("owner_key_id")));
    }

    /** A trace context is for logs only: one that is missing or invalid is ignored, never makes a job malformed. */
    static TraceContext trace(JsonNode value) {
        return value != null && value.isTextual() ? TraceContext.parse(value.textValue()) : null;
    }

    /** Absent or null: owned by nobody (outside producers send none). */
    private static Long owner(JsonNode value) throws MalformedMessageException {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw new MalformedMessageException(
                    "field \"owner_key_id\" must be a positive whole number (an API key " + "id), got "
                            + (value.isTextual() ? "\"" + abbreviate(value.textValue()) + "\"" : value.toString()));
        }
        return value.longValue();
    }

    /**
     * The optional question: {@code "languages"}, 1 to {@value JobMessageCodec#MAX_LANGUAGES} distinct label codes, and
     * {@code "top"}, 1 to {@value JobMessageCodec#MAX_TOP}. Codes the worker's model does not know are left out when it predicts.
     */
    private static Question question(JsonNode languages, JsonNode top) throws MalformedMessageException {
        List<String> codes = new ArrayList<>();
        if (languages != null && !languages.isNull()) {
            if (!languages.isArray() || languages.isEmpty() || languages.size() > JobMessageCodec.MAX_LANGUAGES) {
                throw new MalformedMessageException("field \"languages\" must be an array of 1 to "
                        + JobMessageCodec.MAX_LANGUAGES + " language codes like [\"sv\", \"no\"]");
            }
            for (JsonNode code : languages) {
                if (!code.isTextual()
                        || code.textValue().isBlank()
                        || code.textValue().length() > 16
                        || code.textValue().contains(",")
                        || codes.contains(code.textValue())) {
                    throw new MalformedMessageException("field \"languages\" must hold distinct language codes "
                            + "(strings of 1 to 16 characters, no commas) like \"sv\"");
                }
                codes.add(code.textValue());
            }
        }
        Integer k = null;
        if (top != null && !top.isNull()) {
            if (!top.canConvertToInt()
                    || !top.isIntegralNumber()
                    || top.intValue() < 1
                    || top.intValue() > JobMessageCodec.MAX_TOP) {
                throw new MalformedMessageException(
                        "field \"top\" must be an integer from 1 to " + JobMessageCodec.MAX_TOP);
            }
            k = top.intValue();
        }
        return new Question(codes, k);
    }

    static Instant submittedAt(JsonNode value) throws MalformedMessageException {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return UtcInstants.parse(value.textValue());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new MalformedMessageException(
                "field \"submitted_at\" must be an ISO-8601 UTC time like " + "\"2026-11-27T02:30:00Z\", got "
                        + (value.isTextual() ? "\"" + abbreviate(value.textValue()) + "\"" : kind(value)));
    }

    private static Rescore rescore(JsonNode reverify) throws MalformedMessageException {
        if (reverify == null || reverify.isNull()) {
            return null;
        }
        JsonNode version = reverify.get("model_version");
        if (!reverify.isObject()
                || version == null
                || !version.isTextual()
                || version.textValue().isBlank()
                || version.textValue().length() > 64) {
            throw new MalformedMessageException(
                    "field \"reverify\" must be {\"run\":\"<uuid>\",\"model_version\":\"...\"}");
        }
        return new Rescore(id(reverify.get("run")), version.textValue());
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

    static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
