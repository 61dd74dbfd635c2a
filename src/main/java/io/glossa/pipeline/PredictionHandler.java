package io.glossa.pipeline;

import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
import io.glossa.pipeline.PipelineMetrics.StageTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    public PredictionHandler(TextStore store, Supplier<? extends LanguageClassifier> model, int topK, Clock clock,
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
        long start = System.nanoTime();
        Prediction prediction = classifier.predict(job.text(), topK);
        long predictNanos = System.nanoTime() - start;
        Instant completedAt = clock.instant();
        Result result = new Result(job.id(), prediction, classifier.version(), completedAt, predictNanos);
        long storeStart = System.nanoTime();
        boolean stored = store.complete(result);
        long storeNanos = System.nanoTime() - storeStart;
        // a redelivered job whose result was already stored is not counted again: counts stay one per text
        if (stored) {
            metrics.completed(job.lane(), TextStatus.DONE, new StageTimes(Duration.ofNanos(predictNanos),
                    Duration.ofNanos(storeNanos), Duration.between(job.submittedAt(), clock.instant())));
        }
        return result;
    }

    /** Called by the broker adapter when the job failed too often: the text shows the reason to its client. */
    @Override
    public void giveUp(Job job, String reason) {
        long storeStart = System.nanoTime();
        store.fail(job.id(), reason);
        long storeNanos = System.nanoTime() - storeStart;
        metrics.completed(job.lane(), TextStatus.FAILED, new StageTimes(Duration.ZERO, Duration.ofNanos(storeNanos),
                Duration.between(job.submittedAt(), clock.instant())));
    }
}
