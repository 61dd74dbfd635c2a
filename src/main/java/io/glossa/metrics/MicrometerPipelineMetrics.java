package io.glossa.metrics;

import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.TextStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The pipeline's counters and timers in Micrometer (Prometheus names: glossa_texts_accepted_total, ...). */
public final class MicrometerPipelineMetrics implements PipelineMetrics {
    private final Counter accepted;
    private final Counter published;
    private final Counter publishFailed;
    private final Timer publishTime;
    private final Counter done;
    private final Counter failed;
    private final Timer predictTime;
    private final Timer endToEnd;
    private final MeterRegistry registry;
    private final Timer observedLatency;

    public MicrometerPipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        observedLatency = Timer.builder("glossa.submit.to.result")
                .description("From submission to the result event reaching the API (what a waiting client sees)")
                .publishPercentileHistogram().register(registry);
        accepted = Counter.builder("glossa.texts.accepted").description("Texts committed by the API").register(registry);
        published = Counter.builder("glossa.jobs.published").description("Jobs confirmed by the broker").register(registry);
        publishFailed = Counter.builder("glossa.jobs.publish.failures")
                .description("Jobs whose publish failed and is retried").register(registry);
        publishTime = Timer.builder("glossa.outbox.publish").description("Time to publish and confirm one batch")
                .publishPercentileHistogram().register(registry);
        done = Counter.builder("glossa.results").tag("status", "done").description("Results stored by workers").register(registry);
        failed = Counter.builder("glossa.results").tag("status", "failed").description("Results stored by workers").register(registry);
        predictTime = Timer.builder("glossa.predict").description("Model prediction time").publishPercentileHistogram()
                .register(registry);
        endToEnd = Timer.builder("glossa.end.to.end").description("From submission to the stored result")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void accepted(int texts) {
        accepted.increment(texts);
    }

    @Override
    public void published(int jobs, Duration time) {
        published.increment(jobs);
        publishTime.record(time);
    }

    @Override
    public void publishFailed(int jobs) {
        publishFailed.increment(jobs);
    }

    @Override
    public void resultObserved(TextStatus status, Duration sinceSubmission) {
        registry.counter("glossa.results.observed", "status", status.key()).increment();
        if (sinceSubmission != null && !sinceSubmission.isNegative()) {
            observedLatency.record(sinceSubmission);
        }
    }

    @Override
    public void completed(TextStatus status, Duration predict, Duration submittedToStored) {
        (status == TextStatus.FAILED ? failed : done).increment();
        if (status == TextStatus.DONE) {
            predictTime.record(predict);
        }
        endToEnd.record(submittedToStored);
    }
}
