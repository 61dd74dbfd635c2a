package io.glossa.pipeline;

import java.time.Duration;

/** What the pipeline services count and time; an adapter maps it onto a metrics library. */
public interface PipelineMetrics {
    void accepted(int texts);

    void published(int jobs, Duration publishTime);

    void publishFailed(int jobs);

    /** A worker finished a job: predict time and the time from submission to the stored result. */
    void completed(TextStatus status, Duration predictTime, Duration endToEnd);

    /** The API saw a result event; {@code sinceSubmission} is null when the event did not carry the submission time. */
    void resultObserved(TextStatus status, Duration sinceSubmission);

    PipelineMetrics NONE = new PipelineMetrics() {
        @Override public void resultObserved(TextStatus status, Duration sinceSubmission) { }
        @Override public void accepted(int texts) { }
        @Override public void published(int jobs, Duration publishTime) { }
        @Override public void publishFailed(int jobs) { }
        @Override public void completed(TextStatus status, Duration predictTime, Duration endToEnd) { }
    };
}
