package io.glossa.pipeline;

/**
 * The work done for one delivered job, between delivery and ack: predict, store the result idempotently.
 * Throwing counts as a failed attempt; after the configured number of attempts the broker adapter calls
 * {@link #giveUp}, moves the job, with the exception's message as its reason, to the failed queue and acks the original.
 */
@FunctionalInterface
public interface JobHandler {
    Result handle(Job job) throws Exception;

    /**
     * Called once when the adapter gives up on a job (attempts exhausted, or {@link JobRejectedException}),
     * before the job goes to the failed queue: e.g. mark the text failed in the store. If this throws (store down),
     * the job is not failed: it goes back to its queue to be tried again later. {@link UnknownTextException} is
     * taken as "nothing to mark".
     */
    default void giveUp(Job job, String reason) throws Exception {}
}
