package io.glossa.registry;

import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.JobOutcome;
import io.glossa.pipeline.JobRejectedException;
import io.glossa.pipeline.Result;
import java.time.Clock;
import java.util.List;

/**
 * Routes jobs: a client's text to the live handler; a re-verify job to the run's model version (fetched from the
 * registry and verified once per process) with its answer stored in the run. A re-verify job never touches the
 * text's client-visible result, and giving up on one does not mark the text failed.
 */
public final class ReverifyHandler implements JobHandler {
    private final JobHandler live;
    private final ActiveModels models;
    private final ReverifyStore runs;
    private final Clock clock;

    public ReverifyHandler(JobHandler live, ActiveModels models, ReverifyStore runs, Clock clock) {
        this.live = live;
        this.models = models;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public Result handle(Job job) throws Exception {
        if (!job.isRescore()) {
            return live.handle(job);
        }
        LanguageModel model;
        try {
            model = models.version(job.rescore().modelVersion());
        } catch (BadModelException e) {
            throw new JobRejectedException(e.getMessage()); // another attempt cannot fix a refused model
        }
        long start = System.nanoTime();
        Prediction prediction = model.predict(job.text(), 1, job.question().languages());
        Result result = new Result(job.id(), prediction, model.version(), clock.instant(), System.nanoTime() - start);
        runs.store(job.rescore().run(), result);
        return result;
    }

    /** Client texts share the live handler's batch path; re-verify jobs go one by one. */
    @Override
    public List<JobOutcome> handleAll(List<Job> jobs) throws InterruptedException {
        return jobs.stream().noneMatch(Job::isRescore) ? live.handleAll(jobs) : JobHandler.super.handleAll(jobs);
    }

    @Override
    public void giveUp(Job job, String reason) throws Exception {
        if (!job.isRescore()) {
            live.giveUp(job, reason);
        }
    }
}
