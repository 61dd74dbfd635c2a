package io.glossa.pipeline;

import java.time.Duration;

/**
 * What the pipeline services and the broker adapter count and time, stage by stage; an adapter maps it onto a metrics
 * library (io.glossa.metrics). Durations between processes (submission in the API, delivery in a worker) rely on
 * synchronised clocks, as {@code submitted_at} does.
 */
public interface PipelineMetrics {
    /** Texts committed with their outbox entries and answered 202. */
    void accepted(Lane lane, int texts);

    /** One outbox batch was published and confirmed by the broker in {@code batchTime}. */
    void published(int jobs, Duration batchTime);

    /** One job's broker confirm arrived {@code sinceSubmission} after its text was accepted (outbox → confirm). */
    void confirmed(Lane lane, Duration sinceSubmission);

    void publishFailed(int jobs);

    /**
     * A worker thread took a delivered job. {@code queueWait} runs from its publish to now and is null when the
     * message does not say when it was published (outside producers); {@code redelivered} is the broker's flag.
     */
    void delivered(Lane lane, Duration queueWait, boolean redelivered);

    /** A worker finished a job: its result (or failure) is stored. */
    void completed(Lane lane, TextStatus status, StageTimes times);

    /** The API saw a result event; {@code sinceSubmission} is null when the event did not carry the submission time. */
    void resultObserved(TextStatus status, Duration sinceSubmission);

    /**
     * The API saw a result event this long after its {@code completed_at}: the worker's prediction finished then, so
     * this is storing the result plus the result-event path (publish, broker, the API's subscriber).
     */
    void resultEventLag(Duration sinceCompleted);

    /**
     * Where a finished job's time went in the worker.
     *
     * @param predict model prediction (zero for a failed job)
     * @param store writing the result row (or the failure)
     * @param endToEnd from submission to the stored result
     */
    record StageTimes(Duration predict, Duration store, Duration endToEnd) {}

    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void accepted(Lane lane, int texts) {}

        @Override
        public void published(int jobs, Duration batchTime) {}

        @Override
        public void confirmed(Lane lane, Duration sinceSubmission) {}

        @Override
        public void publishFailed(int jobs) {}

        @Override
        public void delivered(Lane lane, Duration queueWait, boolean redelivered) {}

        @Override
        public void completed(Lane lane, TextStatus status, StageTimes times) {}

        @Override
        public void resultObserved(TextStatus status, Duration sinceSubmission) {}

        @Override
        public void resultEventLag(Duration sinceCompleted) {}
    };
}
