package io.glossa.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.ResultWaiters;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextSubmission;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@code /api/v1/texts}: submit one text or a batch, read a text, long-poll for its result. */
final class TextRoutes {
    private final TextSubmission submission;
    private final TextStore store;
    private final ResultWaiters waiters;
    private final TextJson json;
    private final ApiSettings settings;

    TextRoutes(TextSubmission submission, TextStore store, ResultWaiters waiters, TextJson json, ApiSettings settings) {
        this.submission = submission;
        this.store = store;
        this.waiters = waiters;
        this.json = json;
        this.settings = settings;
    }

    void register(Javalin app) {
        app.post(TextJson.TEXTS_PATH, this::submit);
        app.post(TextJson.TEXTS_PATH + ":batch", this::submitBatch);
        app.get(TextJson.TEXTS_PATH + "/{id}", this::read);
    }

    /** The largest single-text body: JSON escapes (\\u0000 for one byte) can make a body up to 6× its text. */
    long maxSingleBodyBytes() {
        return 6L * submission.limits().maxTextBytes() + 1024;
    }

    private void submit(Context ctx) {
        JsonNode body = JsonBody.read(ctx, maxSingleBodyBytes());
        Job job = submission.submit(stringField(body, "text"));
        ctx.status(202).header("Location", TextJson.location(job.id())).json(json.accepted(job));
    }

    private void submitBatch(Context ctx) {
        JsonNode body = JsonBody.read(ctx, settings.maxBatchBodyBytes());
        JsonNode texts = body.get("texts");
        if (texts == null || texts.isNull()) {
            throw new ProblemException(400, "missing-field", "Missing Field", "the field 'texts' is required: {\"texts\": [\"...\"]}");
        }
        if (!texts.isArray()) {
            throw wrongType("texts", "an array of strings", texts);
        }
        List<String> values = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            JsonNode item = texts.get(i);
            if (!item.isTextual()) {
                throw wrongType("texts[" + i + "]", "a string", item);
            }
            values.add(item.textValue());
        }
        List<Job> jobs = submission.submitBatch(values, lane(body));
        ctx.status(202).json(json.acceptedBatch(jobs));
    }

    private static Lane lane(JsonNode body) {
        JsonNode lane = body.get("lane");
        if (lane == null || lane.isNull()) {
            return Lane.BATCH;
        }
        if (!lane.isTextual() || !(lane.textValue().equals("batch") || lane.textValue().equals("realtime"))) {
            throw new ProblemException(400, "invalid-field", "Invalid Field", "'lane' must be \"batch\" or \"realtime\"");
        }
        return Lane.fromKey(lane.textValue());
    }

    private void read(Context ctx) {
        UUID id = TextIds.parse(ctx.pathParam("id"));
        Duration wait = WaitTime.parse(ctx.queryParam("wait"), settings.maxWait());
        if (wait.isZero()) {
            answer(ctx, id, store.find(id));
            return;
        }
        CompletableFuture<Optional<TextRecord>> result = waiters.await(id, wait);
        ctx.future(() -> result.thenAccept(record -> answer(ctx, id, record)));
    }

    private void answer(Context ctx, UUID id, Optional<TextRecord> record) {
        TextRecord found = record.orElseThrow(() -> new ProblemException(404, "unknown-id", "Unknown Id",
                "no text has the id " + id));
        ctx.json(json.record(found));
    }

    private static String stringField(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw new ProblemException(400, "missing-field", "Missing Field",
                    "the field '" + name + "' is required: {\"" + name + "\": \"...\"}");
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    private static ProblemException wrongType(String field, String expected, JsonNode actual) {
        return new ProblemException(400, "wrong-type", "Wrong Field Type",
                "'" + field + "' must be " + expected + ", not " + actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
