package io.glossa.registry;

import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.JobOutcome;
import io.glossa.pipeline.Result;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the active model's handler, then, if a shadow candidate is set, predicts with it too and stores its answer
 * apart. The returned result (what the result event and RPC reply carry) is always the active one, and a failing
 * shadow never fails the job: the candidate is an experiment, the client's answer is not.
 */
public final class ShadowingHandler implements JobHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowingHandler.class);

    private final JobHandler active;
    private final ActiveModels models;
    private final ShadowResults shadowResults;
    private final Clock clock;

    public ShadowingHandler(JobHandler active, ActiveModels models, ShadowResults shadowResults, Clock clock) {
        this.active = active;
        this.models = models;
        this.shadowResults = shadowResults;
        this.clock = clock;
    }

    @Override
    public Result handle(Job job) throws Exception {
        Result result = active.handle(job);
        Optional<LanguageModel> shadow = models.shadow();
        if (shadow.isPresent() && !shadow.get().version().equals(result.modelVersion())) {
            shadow(job, shadow.get());
        }
        return result;
    }

    @Override
    public List<JobOutcome> handleAll(List<Job> jobs) throws InterruptedException {
        List<JobOutcome> outcomes = active.handleAll(jobs);
        Optional<LanguageModel> shadow = models.shadow();
        for (JobOutcome outcome : outcomes) {
            if (!outcome.isFailed()
                    && shadow.isPresent()
                    && !shadow.get().version().equals(outcome.result().modelVersion())) {
                shadow(outcome.job(), shadow.get());
            }
        }
        return outcomes;
    }

    private void shadow(Job job, LanguageModel model) {
        try {
            long start = System.nanoTime();
            Prediction prediction = model.predict(job.text(), 1, job.question().languages());
            shadowResults.store(
                    new Result(job.id(), prediction, model.version(), clock.instant(), System.nanoTime() - start));
        } catch (RuntimeException e) {
            LOG.warn("shadow model {} on job {}: {}", model.version(), job.id(), e.getMessage());
        }
    }

    @Override
    public void giveUp(Job job, String reason) throws Exception {
        active.giveUp(job, reason);
    }
}
