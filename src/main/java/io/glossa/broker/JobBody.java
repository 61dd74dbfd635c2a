package io.glossa.broker;

import java.util.List;

/**
 * A decoded job message body: one job ({@code {"id","text"}}), or several ({@code {"jobs":[...]}}, see
 * docs/messages.md).
 *
 * @param multi whether the body was a multi-job body, even one holding a single job
 */
record JobBody(List<JobMessage> jobs, boolean multi) {
    public JobBody {
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("a job body holds at least one job");
        }
    }
}
