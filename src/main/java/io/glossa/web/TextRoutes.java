package io.glossa.web;

import io.glossa.pipeline.Accepted;
import io.glossa.pipeline.InvalidSubmissionException;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Question;
import io.glossa.pipeline.QuestionRules;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.ResultWaiters;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextSubmission;
import io.glossa.pipeline.Tracing;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@code /api/v1/texts}: submit one text or a batch, read a text, long-poll for its result. */
final class TextRoutes {
    private static final java.util.Set<String> QUESTION_LISTS = java.util.Set.of("languages");
    private static final java.util.Set<String> QUESTION_INTEGERS = java.util.Set.of("top");
    private static final BodyShape SINGLE = BodyShape.strings("text").with(QUESTION_LISTS, QUESTION_INTEGERS);
    private final TextSubmission submission;
    private final TextStore store;
    private final ResultWaiters waiters;
    private final TextJson json;
    private final ApiSettings settings;
    private final BodyShape batch;
    private final LargeBodies largeBodies;
    private final RevocationWatch revocations;
    private final Tracing tracing;

    TextRoutes(
            TextSubmission submission,
            TextStore store,
            ResultWaiters waiters,
            TextJson json,
            ApiSettings settings,
            RevocationWatch revocations,
            Tracing tracing) {
        this.tracing = tracing;
        this.submission = submission;
        this.store = store;
        this.waiters = waiters;
        this.json = json;
        this.settings = settings;
        this.revocations = revocations;
        this.largeBodies = LargeBodies.forHeap(Math.max(maxSingleBodyBytes(), settings.maxBatchBodyBytes()));
        int maxBatch = submission.limits().maxBatchSize();
        // the parser stops at the first text over the limit, so a batch of a million tiny texts is never built
        ProblemException tooMany = new ProblemException(ProblemResponses.forSubmission(new InvalidSubmissionException(
                InvalidSubmissionException.Reason.BATCH_TOO_LARGE,
                "the batch has more than " + maxBatch + " texts; the limit is " + maxBatch + " per request")));
        this.batch = new BodyShape(java.util.Set.of("lane"), "texts", maxBatch, () -> tooMany)
                .with(QUESTION_LISTS, QUESTION_INTEGERS);
    }

    void register(RoutesConfig routes) {
        routes.post(TextJson.TEXTS_PATH, this::submit);
        routes.post(TextJson.TEXTS_PATH + ":batch", this::submitBatch);
        routes.get(TextJson.TEXTS_PATH + "/{id}", this::read);
    }

    /** The largest single-text body: JSON escapes (\\u0000 for one byte) can make a body up to 6× its text. */
    long maxSingleBodyBytes() {
        return 6L * submission.limits().maxTextBytes() + 1024;
    }

    private void submit(Context ctx) {
        LargeBodies.Reservation room = largeBodies.reserve(ctx, maxSingleBodyBytes());
        try {
            BodyFields body = JsonBody.read(ctx, maxSingleBodyBytes(), SINGLE);
            String text = body.string("text");
            if (text == null) {
                throw body.missing("text", "{\"text\": \"...\"}");
            }
            Duration wait = WaitTime.parse(ctx.queryParam("wait"), settings.maxWait());
            Question question = question(body);
            Accepted accepted = submission.submit(
                    text,
                    question,
                    IdempotencyKeys.of(ctx, "texts", List.of(text), Lane.REALTIME, question),
                    Requesters.owner(ctx),
                    RequestTrace.of(ctx, tracing));
            Job job = accepted.jobs().get(0);
            RequestTrace.accepted(ctx, accepted.jobs(), Lane.REALTIME);
            ctx.header("Location", TextJson.location(job.id()));
            if (wait.isZero()) {
                ctx.status(202).json(json.accepted(job));
                return;
            }
            // one round trip: the answer if it is ready within the wait, else the same 202 as without one
            CompletableFuture<Optional<TextRecord>> result = waiters.await(job.id(), wait);
            endOnRevocation(ctx, result);
            ctx.future(() -> result.thenAccept(record -> {
                if (record.isPresent() && record.get().status() != TextStatus.PENDING) {
                    ctx.status(200).json(json.record(record.get()));
                } else {
                    ctx.status(202).json(json.accepted(job));
                }
            }));
        } finally {
            room.release();
        }
    }

    /** The optional {@code languages} and {@code top} of a submission (checked against the model by the pipeline). */
    private static Question question(BodyFields body) {
        List<String> languages = body.list("languages");
        if (languages != null && languages.isEmpty()) {
            throw new ProblemException(
                    400,
                    "invalid-field",
                    "Invalid Field",
                    "'languages' is empty; leave it out to allow every language, or list codes like [\"sv\", \"no\"]");
        }
        Long top = body.integer("top");
        if (top != null && (top < 1 || top > QuestionRules.MAX_TOP)) {
            throw new ProblemException(
                    400,
                    "invalid-field",
                    "Invalid Field",
                    "'top' must be between 1 and " + QuestionRules.MAX_TOP + ", got " + top);
        }
        return new Question(languages, top == null ? null : top.intValue());
    }

    private void submitBatch(Context ctx) {
        LargeBodies.Reservation room = largeBodies.reserve(ctx, settings.maxBatchBodyBytes());
        try {
            BodyFields body = JsonBody.read(ctx, settings.maxBatchBodyBytes(), batch);
            if (body.array() == null) {
                throw body.missing("texts", "{\"texts\": [\"...\"]}");
            }
            Lane lane = lane(body.string("lane"));
            Question question = question(body);
            Accepted accepted = submission.submitBatch(
                    body.array(),
                    lane,
                    question,
                    IdempotencyKeys.of(ctx, "texts:batch", body.array(), lane, question),
                    Requesters.owner(ctx),
                    RequestTrace.of(ctx, tracing));
            RequestTrace.accepted(ctx, accepted.jobs(), lane);
            ctx.status(202).json(json.acceptedBatch(accepted.jobs()));
        } finally {
            room.release();
        }
    }

    private static Lane lane(String lane) {
        if (lane == null) {
            return Lane.BATCH;
        }
        if (!(lane.equals("batch") || lane.equals("realtime"))) {
            throw new ProblemException(
                    400, "invalid-field", "Invalid Field", "'lane' must be \"batch\" or \"realtime\"");
        }
        return Lane.fromKey(lane);
    }

    /** Another key's text answers 404 exactly as an unknown id, at once even with ?wait=, so existence does not leak. */
    private void read(Context ctx) {
        UUID id = TextIds.parse(ctx.pathParam("id"));
        Duration wait = WaitTime.parse(ctx.queryParam("wait"), settings.maxWait());
        Requester requester = Requesters.of(ctx);
        if (wait.isZero()) {
            answer(ctx, id, store.find(id, requester));
            return;
        }
        CompletableFuture<Optional<TextRecord>> result = waiters.await(id, wait, requester);
        endOnRevocation(ctx, result);
        ctx.future(() -> result.thenAccept(record -> answer(ctx, id, record)));
    }

    /** A long-poll ends with 401 when its key is revoked while it waits, as a new request would. */
    @SuppressWarnings(
            "FutureReturnValueIgnored") // whenComplete only registers a clean-up; its own future has no reader
    private void endOnRevocation(Context ctx, CompletableFuture<?> result) {
        PresentedKey key = ctx.attribute(AccessControl.KEY_ATTRIBUTE);
        if (key == null) {
            return;
        }
        RevocationWatch.Registration watched = revocations.watch(key, () -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"glossa\", error=\"invalid_token\"");
            result.completeExceptionally(new ProblemException(
                    401,
                    "api-key-invalid",
                    "Invalid API Key",
                    "the API key was revoked while this request waited; ask the operator for a new one"));
        });
        result.whenComplete((record, error) -> watched.close());
    }

    private void answer(Context ctx, UUID id, Optional<TextRecord> record) {
        TextRecord found = record.orElseThrow(
                () -> new ProblemException(404, "unknown-id", "Unknown Id", "no text has the id " + id));
        ctx.json(json.record(found));
    }
}
