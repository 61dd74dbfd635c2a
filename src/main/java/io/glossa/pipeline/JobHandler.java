package io.glossa.pipeline;

/**
 * The work done for one delivered job, between delivery and ack: predict, store the result idempotently.
 * Throwing counts as a failed attempt; after the configured number of attempts the broker adapter moves the job,
 * with the exception's message as its reason, to the failed queue and acks the original.
 */
@FunctionalInterface
public interface JobHandler {
    Result handle(Job job) throws Exception;
}
