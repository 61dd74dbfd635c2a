package io.glossa.pipeline;

import java.util.List;

/**
 * Texts accepted under an idempotency key.
 *
 * @param jobs     the texts' jobs, in request order
 * @param repeated true if the key was seen before and these are the first request's texts (nothing new was stored)
 */
public record Accepted(List<Job> jobs, boolean repeated) {
    public Accepted {
        jobs = List.copyOf(jobs);
    }
}
