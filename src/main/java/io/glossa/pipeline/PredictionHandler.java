package io.glossa.pipeline;

import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
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
        if (store.complete(result)) {
            metrics.completed(TextStatus.DONE, Duration.ofNanos(predictNanos), Duration.between(job.submittedAt(), completedAt));
        }
        return result;
    }

    /** Called by the broker adapter when the job failed too often: the text shows the reason to its client. */
    @Override
    public void giveUp(Job job, String reason) {
        store.fail(job.id(), reason);
        metrics.completed(TextStatus.FAILED, Duration.ZERO, Duration.between(job.submittedAt(), clock.instant()));
    }
}
