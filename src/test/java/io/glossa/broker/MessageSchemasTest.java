package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/schemas honest: what the codecs write must validate against the published JSON Schemas. The checker
 * covers the keywords those schemas use (type, required, properties, additionalProperties, enum, items, minItems,
 * maxItems, format, $ref to a file beside it,
 * minimum/maximum, minLength, pattern); no schema library is needed for that subset.
 */
class MessageSchemasTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode schema(String name) throws IOException {
        return JSON.readTree(Path.of("docs/schemas", name).toFile());
    }

    @Test
    void jobBodiesMatchTheJobSchema() throws Exception {
        JsonNode body = JSON.readTree(JobMessageCodec.encode(UUID.randomUUID(), "Hej"));
        assertThat(violations(schema("job.schema.json"), body)).isEmpty();
        JsonNode owned = JSON.readTree(JobMessageCodec.encode(new io.glossa.pipeline.Job(
                UUID.randomUUID(), "Hej", io.glossa.pipeline.Lane.REALTIME, Instant.now(), null, null, 5L, null)));
        assertThat(violations(schema("job.schema.json"), owned)).isEmpty();
        assertThat(violations(schema("job.schema.json"), JSON.readTree("{\"id\":\"nope\",\"text\":\"\"}")))
                .as("the checker does find problems")
                .anyMatch(v -> v.startsWith("$.id:"))
                .anyMatch(v -> v.startsWith("$.text:"));
        assertThat(violations(schema("job.schema.json"), JSON.readTree("{\"text\":\"a\"}")))
                .containsExactly("$: missing id");
    }

    @Test
    void multiJobBodiesMatchTheJobsSchema() throws Exception {
        List<io.glossa.pipeline.Job> jobs = List.of(
                new io.glossa.pipeline.Job(UUID.randomUUID(), "Hej", io.glossa.pipeline.Lane.REALTIME, Instant.now()),
                new io.glossa.pipeline.Job(
                        UUID.randomUUID(),
                        "Tere",
                        io.glossa.pipeline.Lane.REALTIME,
                        Instant.now(),
                        null,
                        null,
                        7L,
                        io.glossa.pipeline.TraceContext.start()));
        JsonNode schema = schema("jobs.schema.json");
        assertThat(violations(schema, JSON.readTree(JobMessageCodec.encodeAll(jobs))))
                .isEmpty();
        assertThat(violations(schema, JSON.readTree("{\"jobs\":[]}"))).containsExactly("$.jobs: fewer than minItems");
        assertThat(violations(
                        schema, JSON.readTree("{\"jobs\":[{\"id\":\"x\",\"text\":\"a\",\"submitted_at\":\"now\"}]}")))
                .contains("$.jobs[0].id: not a uuid", "$.jobs[0].submitted_at: not a date-time");
        assertThat(violations(
                        schema,
                        JSON.readTree("{\"jobs\":[{\"id\":\"" + UUID.randomUUID()
                                + "\",\"text\":\"a\",\"traceparent\":\"00-x\"}]}")))
                .as("the schema describes what glossa writes")
                .anyMatch(v -> v.startsWith("$.jobs[0].traceparent:"));
    }

    @Test
    void resultEventsMatchTheResultEventSchema() throws Exception {
        UUID id = UUID.randomUUID();
        Prediction p = new Prediction(
                "sv", "Swedish", "Svenska", 0.9, List.of(new Candidate("sv", "Swedish", "Svenska", 0.9)));
        ResultEvent done = new ResultEvent(
                id, TextStatus.DONE, new Result(id, p, "v1", Instant.now(), 1), null, Instant.now(), 3L);
        ResultEvent failed = new ResultEvent(id, TextStatus.FAILED, null, "boom", null);
        assertThat(violations(schema("result-event.schema.json"), JSON.readTree(ResultEventCodec.encode(done))))
                .isEmpty();
        assertThat(violations(schema("result-event.schema.json"), JSON.readTree(ResultEventCodec.encode(failed))))
                .isEmpty();
    }

    @Test
    void resultGroupsMatchTheResultGroupSchema() throws Exception {
        UUID id = UUID.randomUUID();
        Prediction p =
                new Prediction("fi", "Finnish", "Suomi", 0.8, List.of(new Candidate("fi", "Finnish", "Suomi", 0.8)));
        byte[] done = ResultEventCodec.encode(new ResultEvent(
                id, TextStatus.DONE, new Result(id, p, "v1", Instant.now(), 1), null, Instant.now(), 3L));
        byte[] failed =
                ResultEventCodec.encode(new ResultEvent(UUID.randomUUID(), TextStatus.FAILED, null, "boom", null));
        JsonNode schema = schema("result-group.schema.json");
        assertThat(violations(schema, JSON.readTree(ResultGroupCodec.encode(List.of(done, failed)))))
                .isEmpty();
        assertThat(violations(schema, JSON.readTree("{\"results\":[{\"id\":\"x\",\"status\":\"done\"}]}")))
                .as("each element is checked against the result event's schema")
                .contains("$.results[0]: missing language", "$.results[0].id: not a uuid");
    }

    @Test
    void reVerifyJobsMatchTheJobSchemaAndAnnouncementsTheirs() throws Exception {
        byte[] job = JobMessageCodec.encode(
                UUID.randomUUID(), "Hej", new io.glossa.pipeline.Rescore(UUID.randomUUID(), "2027-01-01.c0a9be68"));
        assertThat(violations(schema("job.schema.json"), JSON.readTree(job))).isEmpty();
        for (io.glossa.registry.ModelEvent.Action action : io.glossa.registry.ModelEvent.Action.values()) {
            String version = action == io.glossa.registry.ModelEvent.Action.SHADOW_OFF ? null : "2027-01-01.c0a9be68";
            byte[] body = ModelAnnouncementCodec.encode(
                    new io.glossa.registry.ModelAnnouncement(action, version, Instant.now()));
            assertThat(violations(schema("model-announcement.schema.json"), JSON.readTree(body)))
                    .as(action.key())
                    .isEmpty();
            assertThat(ModelAnnouncementCodec.decode(body)).hasValueSatisfying(a -> {
                assertThat(a.event()).isEqualTo(action);
                assertThat(a.version()).isEqualTo(version);
            });
        }
        assertThat(ModelAnnouncementCodec.decode("{\"event\":\"explode\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void failedMessagesMatchTheFailedJobSchema() throws Exception {
        byte[] original = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        FailedMessage failed =
                new FailedMessage("malformed message: x", 0, Instant.now(), "batch", null, original, original.length);
        assertThat(violations(schema("failed-job.schema.json"), JSON.readTree(FailedMessageCodec.encode(failed))))
                .isEmpty();
    }

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("$ref")) { // another schema file beside this one
            try {
                check(schema(schema.get("$ref").asText()), value, path, problems);
            } catch (IOException e) {
                problems.add(path + ": cannot read " + schema.get("$ref") + ": " + e.getMessage());
            }
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(path + ": type " + value.getNodeType() + " not in " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(path + ": " + value + " not in " + schema.get("enum"));
        }
        if (value.isTextual()) {
            checkString(schema, value.textValue(), path, problems);
        }
        if (value.isNumber()) {
            if (schema.has("minimum")
                    && value.doubleValue() < schema.get("minimum").doubleValue()) {
                problems.add(path + ": below minimum");
            }
            if (schema.has("maximum")
                    && value.doubleValue() > schema.get("maximum").doubleValue()) {
                problems.add(path + ": above maximum");
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    problems.add(path + ": missing " + r.asText());
                }
            });
            value.fieldNames().forEachRemaining(field -> {
                JsonNode property = schema.path("properties").get(field);
                if (property != null) {
                    check(property, value.get(field), path + "." + field, problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(path + ": undeclared field " + field);
                }
            });
        }
        if (value.isArray()
                && schema.has("minItems")
                && value.size() < schema.get("minItems").asInt()) {
            problems.add(path + ": fewer than minItems");
        }
        if (value.isArray()
                && schema.has("maxItems")
                && value.size() > schema.get("maxItems").asInt()) {
            problems.add(path + ": more than maxItems");
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkString(JsonNode schema, String text, String path, List<String> problems) {
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            problems.add(path + ": shorter than minLength");
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(text)
                        .find()) {
            problems.add(path + ": does not match pattern");
        }
        String format = schema.path("format").asText("");
        try {
            if (format.equals("uuid")) {
                UUID.fromString(text);
            } else if (format.equals("date-time")) {
                Instant.parse(text);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(path + ": not a " + format);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
