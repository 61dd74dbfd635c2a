package io.glossa.pipeline;

import io.glossa.pipeline.InvalidSubmissionException.Reason;
import java.util.List;

/**
 * Accepts texts from clients: validates them, commits them with their outbox entries, and wakes the relay.
 * A text is accepted only once {@link TextStore#accept} has committed, so an accepted text is never lost.
 */
public final class TextSubmission {
    private final TextStore store;
    private final SubmissionLimits limits;
    private final TextRules rules;
    private final OutboxSignal signal;
    private final PipelineMetrics metrics;

    public TextSubmission(TextStore store, SubmissionLimits limits, OutboxSignal signal, PipelineMetrics metrics) {
        this.store = store;
        this.limits = limits;
        this.rules = new TextRules(limits);
        this.signal = signal;
        this.metrics = metrics;
    }

    public SubmissionLimits limits() {
        return limits;
    }

    public Job submit(String text) {
        return submit(text, null, null);
    }

    /**
     * @param owner the submitting API key's id, or null when keys are not required
     * @param trace the request's trace context, kept with the text for the worker's logs; null: none
     */
    public Job submit(String text, Long owner, TraceContext trace) {
        rules.check(text, "");
        return accept(List.of(text), Lane.REALTIME, owner, trace).get(0);
    }

    public List<Job> submitBatch(List<String> texts, Lane lane) {
        return submitBatch(texts, lane, null, null);
    }

    /** Validates every text first, so a batch is accepted entirely or not at all; they share the request's trace. */
    public List<Job> submitBatch(List<String> texts, Lane lane, Long owner, TraceContext trace) {
        if (texts.isEmpty()) {
            throw new InvalidSubmissionException(Reason.EMPTY_BATCH, "texts is empty; send at least one text");
        }
        if (texts.size() > limits.maxBatchSize()) {
            throw new InvalidSubmissionException(Reason.BATCH_TOO_LARGE, "the batch has " + texts.size()
                    + " texts; the limit is " + limits.maxBatchSize() + " per request");
        }
        for (int i = 0; i < texts.size(); i++) {
            rules.check(texts.get(i), "texts[" + i + "]: ");
        }
        return accept(texts, lane, owner, trace);
    }

    private List<Job> accept(List<String> texts, Lane lane, Long owner, TraceContext trace) {
        List<Job> jobs = store.accept(texts, lane, owner, trace);
        metrics.accepted(lane, jobs.size());
        signal.committed(jobs);
        return jobs;
    }
}
