package io.glossa.pipeline;

import java.util.List;

/** Sends jobs to the broker as persistent messages and returns only when the broker confirmed all of them. */
public interface JobPublisher {
    /**
     * @throws BrokerUnavailableException if the broker is unreachable or nacked/timed out any job;
     *         the caller keeps them in the outbox and retries
     */
    void publish(List<Job> jobs);
}
