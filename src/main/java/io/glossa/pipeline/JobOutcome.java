package io.glossa.pipeline;

/**
 * How one job of a multi-job message went: its result, or the failure that concerns only this job (the others of the
 * message still count).
 */
public record JobOutcome(Job job, Result result, Throwable failure) {
    public static JobOutcome done(Job job, Result result) {
        return new JobOutcome(job, result, null);
    }

    public static JobOutcome failed(Job job, Throwable failure) {
        return new JobOutcome(job, null, failure);
    }

    public boolean isFailed() {
        return failure != null;
    }
}
