package io.glossa.pipeline;

import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
import io.glossa.pipeline.PipelineMetrics.StageTimes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A worker's job: predict the language and store the result. Storing is idempotent per (id, model version),
 * so a redelivered job changes nothing; the broker adapter acks only after this returns.
 */
public final class PredictionHandler implements JobHandler {
    private final TextStore store;
    private final Supplier<? extends LanguageClassifier> model;
    private final int topK;
    private final Clock clock;
    private final PipelineMetrics metrics;

    /** @param model read once per job, so a model swap takes effect between jobs */
    public PredictionHandler(
            TextStore store,
            Supplier<? extends LanguageClassifier> model,
            int topK,
            Clock clock,
            PipelineMetrics metrics) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
        }
        this.store = store;
        this.model = model;
        this.topK = topK;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Result handle(Job job) {
        LanguageClassifier classifier = model.get();
        Result result = predict(classifier, job);
        long storeStart = System.nanoTime();
        boolean stored = completeAdopting(job, result);
        // a redelivered job whose result was already stored is not counted again: counts stay one per text
        if (stored) {
            countCompleted(job, result, System.nanoTime() - storeStart);
        }
        return result;
    }

    /** One model for all the jobs, and one store call for all their results (one transaction where the store can). */
    @Override
    public List<JobOutcome> handleAll(List<Job> jobs) {
        LanguageClassifier classifier = model.get();
        List<JobOutcome> outcomes = new ArrayList<>(jobs.size());
        List<Result> results = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            try {
                Result result = predict(classifier, job);
                outcomes.add(JobOutcome.done(job, result));
                results.add(result);
            } catch (RuntimeException | StackOverflowError e) { // this input's fault: the others go on
                outcomes.add(JobOutcome.failed(job, e));
            }
        }
        long storeStart = System.nanoTime();
        List<Completion> completions = results.isEmpty() ? List.of() : store.completeAll(results);
        long storeNanos = System.nanoTime() - storeStart;
        int next = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            JobOutcome outcome = outcomes.get(i);
            if (outcome.isFailed()) {
                continue;
            }
            Completion completion = completions.get(next++);
            if (completion == Completion.UNKNOWN_TEXT) {
                try {
                    completion = completeAdopting(outcome.job(), outcome.result())
                            ? Completion.STORED
                            : Completion.ALREADY_STORED;
                } catch (UnknownTextException e) {
                    outcomes.set(i, JobOutcome.failed(outcome.job(), e));
                    continue;
                }
            }
            if (completion == Completion.STORED) {
                countCompleted(outcome.job(), outcome.result(), storeNanos);
            }
        }
        return outcomes;
    }

    /**
     * Stores the result; a job whose id the store does not know comes from an outside producer (glossa's API stores
     * every text before publishing it), so its text is stored first, idempotently, and the result after it. Trying
     * the result first keeps the usual case at one statement.
     */
    private boolean completeAdopting(Job job, Result result) {
        try {
            return store.complete(result);
        } catch (UnknownTextException e) {
            if (job.isRescore()) {
                throw e;
            }
            store.adopt(job);
            return store.complete(result);
        }
    }

    private Result predict(LanguageClassifier classifier, Job job) {
        long start = System.nanoTime();
        Prediction prediction = classifier.predict(
                job.text(), job.question().topOr(topK), job.question().languages());
        long predictNanos = System.nanoTime() - start;
        return new Result(job.id(), prediction, classifier.version(), clock.instant(), predictNanos);
    }

    private void countCompleted(Job job, Result result, long storeNanos) {
        metrics.completed(
                job.lane(),
                TextStatus.DONE,
                new StageTimes(
                        Duration.ofNanos(result.predictNanos()),
                        Duration.ofNanos(storeNanos),
                        Duration.between(job.submittedAt(), clock.instant())));
    }

    /** Called by the broker adapter when the job failed too often: the text shows the reason to its client. */
    @Override
    public void giveUp(Job job, String reason) {
        long storeStart = System.nanoTime();
        store.fail(job.id(), reason);
        long storeNanos = System.nanoTime() - storeStart;
        metrics.completed(
                job.lane(),
                TextStatus.FAILED,
                new StageTimes(
                        Duration.ZERO,
                        Duration.ofNanos(storeNanos),
                        Duration.between(job.submittedAt(), clock.instant())));
    }
}
