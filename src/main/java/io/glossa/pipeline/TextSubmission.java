package io.glossa.pipeline;

import io.glossa.pipeline.InvalidSubmissionException.Reason;
import java.util.List;
import java.util.Set;

/**
 * Accepts texts from clients: validates them, commits them with their outbox entries, and wakes the relay.
 * A text is accepted only once {@link TextStore#accept} has committed, so an accepted text is never lost.
 */
public final class TextSubmission {
    private final TextStore store;
    private final SubmissionLimits limits;
    private final TextRules rules;
    private final QuestionRules questions;
    private final OutboxSignal signal;
    private final PipelineMetrics metrics;

    /** Accepts every language code glossa has a name for (see {@link QuestionRules#anyKnownLanguage()}). */
    public TextSubmission(TextStore store, SubmissionLimits limits, OutboxSignal signal, PipelineMetrics metrics) {
        this(store, limits, QuestionRules.anyKnownLanguage(), signal, metrics);
    }

    public TextSubmission(
            TextStore store,
            SubmissionLimits limits,
            QuestionRules questions,
            OutboxSignal signal,
            PipelineMetrics metrics) {
        this.store = store;
        this.limits = limits;
        this.rules = new TextRules(limits);
        this.questions = questions;
        this.signal = signal;
        this.metrics = metrics;
    }

    public SubmissionLimits limits() {
        return limits;
    }

    public Set<String> languages() {
        return questions.languages();
    }

    public Job submit(String text) {
        return submit(text, Question.DEFAULT, null, null, null).jobs().get(0);
    }

    /**
     * @param key   null, or the client's idempotency key
     * @param owner the submitting API key's id, or null when keys are not required
     * @param trace the request's trace context, kept with the text for the worker's logs; null: none
     */
    public Accepted submit(String text, Question question, IdempotencyKey key, Long owner, TraceContext trace) {
        rules.check(text, "");
        questions.check(question);
        return accept(List.of(text), Lane.REALTIME, question, key, owner, trace);
    }

    public List<Job> submitBatch(List<String> texts, Lane lane) {
        return submitBatch(texts, lane, Question.DEFAULT, null, null, null).jobs();
    }

    /** Validates every text first, so a batch is accepted entirely or not at all; they share the request's trace. */
    public Accepted submitBatch(
            List<String> texts, Lane lane, Question question, IdempotencyKey key, Long owner, TraceContext trace) {
        if (texts.isEmpty()) {
            throw new InvalidSubmissionException(Reason.EMPTY_BATCH, "texts is empty; send at least one text");
        }
        if (texts.size() > limits.maxBatchSize()) {
            throw new InvalidSubmissionException(
                    Reason.BATCH_TOO_LARGE,
                    "the batch has " + texts.size() + " texts; the limit is " + limits.maxBatchSize() + " per request");
        }
        for (int i = 0; i < texts.size(); i++) {
            rules.check(texts.get(i), "texts[" + i + "]: ");
        }
        questions.check(question);
        return accept(texts, lane, question, key, owner, trace);
    }

    private Accepted accept(
            List<String> texts, Lane lane, Question question, IdempotencyKey key, Long owner, TraceContext trace) {
        Accepted accepted = key == null
                ? new Accepted(store.accept(texts, lane, question, owner, trace), false)
                : store.acceptOnce(texts, lane, question, key, owner, trace);
        if (!accepted.repeated()) {
            metrics.accepted(lane, accepted.jobs().size());
            signal.committed(accepted.jobs());
        }
        return accepted;
    }
}
