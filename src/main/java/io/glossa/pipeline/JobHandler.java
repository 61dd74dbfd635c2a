package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The work done for one delivered job, between delivery and ack: predict, store the result idempotently.
 * Throwing counts as a failed attempt; after the configured number of attempts the broker adapter calls
 * {@link #giveUp}, moves the job, with the exception's message as its reason, to the failed queue and acks the original.
 */
@FunctionalInterface
public interface JobHandler {
    Result handle(Job job) throws Exception;

    /**
     * The jobs of one multi-job message. A failure of one job is its outcome, and the others go on; a database
     * outage ({@link StoreUnavailableException#isOutage()}) is thrown instead, since every job would meet it: the
     * adapter then puts the whole message back. Handlers that can share work across jobs (one transaction for all
     * results) override this; results stored before a throw are stored again idempotently on the retry.
     */
    default List<JobOutcome> handleAll(List<Job> jobs) throws InterruptedException {
        List<JobOutcome> outcomes = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            try {
                outcomes.add(JobOutcome.done(job, handle(job)));
            } catch (StoreUnavailableException e) {
                if (e.isOutage()) {
                    throw e;
                }
                outcomes.add(JobOutcome.failed(job, e));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
                outcomes.add(JobOutcome.failed(job, e));
            }
        }
        return outcomes;
    }

    /**
     * Called once when the adapter gives up on a job (attempts exhausted, or {@link JobRejectedException}),
     * before the job goes to the failed queue: e.g. mark the text failed in the store. If this throws (store down),
     * the job is not failed: it goes back to its queue to be tried again later. {@link UnknownTextException} is
     * taken as "nothing to mark".
     */
    default void giveUp(Job job, String reason) throws Exception {}
}
