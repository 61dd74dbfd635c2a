package io.glossa.metrics;

import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.TextStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The pipeline's counters and per-stage timers in Micrometer; deploy/prometheus/METRICS.md lists the Prometheus names
 * (glossa_texts_accepted_total, glossa_job_queue_wait_seconds, ...). Per-lane meters are registered for both lanes
 * up front, so every series exists (at zero) from the first scrape and rate() has a start.
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {
    /** The realtime latency target (p99 submission → result): a histogram bucket sits exactly there. */
    public static final Duration LATENCY_TARGET = Duration.ofMillis(30);

    private final MeterRegistry registry;
    private final Map<Lane, Counter> accepted;
    private final Counter published;
    private final Counter publishFailed;
    private final Timer batchPublish;
    private final Map<Lane, Timer> outboxToConfirm;
    private final Map<Lane, Timer> queueWait;
    private final Map<Lane, Counter> redelivered;
    private final Counter done;
    private final Counter failed;
    private final Timer predict;
    private final Map<Lane, Timer> store;
    private final Map<Lane, Timer> endToEnd;
    private final Map<TextStatus, Counter> observed = new EnumMap<>(TextStatus.class);
    private final Timer observedLatency;
    private final Timer eventLag;

    public MicrometerPipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        accepted = perLane(lane -> Counter.builder("glossa.texts.accepted")
                .tag("lane", lane.key())
                .description("Texts committed by the API and answered 202")
                .register(registry));
        published = Counter.builder("glossa.jobs.published")
                .description("Jobs confirmed by the broker")
                .register(registry);
        publishFailed = Counter.builder("glossa.jobs.publish.failures")
                .description("Jobs whose publish failed and is retried")
                .register(registry);
        batchPublish = Timer.builder("glossa.outbox.batch.publish")
                .description("Publish and broker confirm of one outbox batch (one sample per batch, not per job)")
                .publishPercentileHistogram()
                .register(registry);
        outboxToConfirm = perLane(lane -> stage(
                "glossa.job.publish",
                lane,
                "Per job: text accepted (outbox row committed) -> broker confirm of its job"));
        queueWait = perLane(lane -> stage(
                "glossa.job.queue.wait",
                lane,
                "Per delivery: job published -> a worker thread takes it (broker queue, prefetch, in-process inbox)"));
        redelivered = perLane(lane -> Counter.builder("glossa.jobs.redelivered")
                .tag("lane", lane.key())
                .description("Deliveries the broker flagged as redelivered (a consumer died or lost its channel)")
                .register(registry));
        done = Counter.builder("glossa.results")
                .tag("status", "done")
                .description("Results stored by workers")
                .register(registry);
        failed = Counter.builder("glossa.results")
                .tag("status", "failed")
                .description("Results stored by workers")
                .register(registry);
        predict = Timer.builder("glossa.predict")
                .description("Model prediction time")
                .publishPercentileHistogram()
                .register(registry);
        store = perLane(lane -> stage("glossa.job.store", lane, "Per job: writing its result row (or its failure)"));
        endToEnd = perLane(lane -> Timer.builder("glossa.end.to.end")
                .tag("lane", lane.key())
                .description("Per job: text accepted -> result stored")
                .publishPercentileHistogram()
                .serviceLevelObjectives(LATENCY_TARGET)
                .register(registry));
        for (TextStatus status : TextStatus.values()) {
            observed.put(
                    status,
                    Counter.builder("glossa.results.observed")
                            .tag("status", status.key())
                            .description("Result events the API received")
                            .register(registry));
        }
        observedLatency = Timer.builder("glossa.submit.to.result")
                .description("From submission to the result event reaching the API (what a waiting client sees)")
                .publishPercentileHistogram()
                .serviceLevelObjectives(LATENCY_TARGET)
                .register(registry);
        eventLag = Timer.builder("glossa.result.event.lag")
                .description(
                        "From a result's completed_at (prediction done, then stored) to its event reaching the API")
                .publishPercentileHistogram()
                .register(registry);
    }

    private Timer stage(String name, Lane lane, String description) {
        return Timer.builder(name)
                .tag("lane", lane.key())
                .description(description)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static <M> Map<Lane, M> perLane(Function<Lane, M> meter) {
        Map<Lane, M> meters = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            meters.put(lane, meter.apply(lane));
        }
        return meters;
    }

    @Override
    public void accepted(Lane lane, int texts) {
        accepted.get(lane).increment(texts);
    }

    @Override
    public void published(int jobs, Duration batchTime) {
        published.increment(jobs);
        batchPublish.record(batchTime);
    }

    @Override
    public void confirmed(Lane lane, Duration sinceSubmission) {
        recordIfKnown(outboxToConfirm.get(lane), sinceSubmission);
    }

    @Override
    public void publishFailed(int jobs) {
        publishFailed.increment(jobs);
    }

    @Override
    public void delivered(Lane lane, Duration wait, boolean redelivery) {
        recordIfKnown(queueWait.get(lane), wait);
        if (redelivery) {
            redelivered.get(lane).increment();
        }
    }

    @Override
    public void resultObserved(TextStatus status, Duration sinceSubmission) {
        observed.get(status).increment();
        recordIfKnown(observedLatency, sinceSubmission);
    }

    @Override
    public void resultEventLag(Duration sinceCompleted) {
        recordIfKnown(eventLag, sinceCompleted);
    }

    @Override
    public void completed(Lane lane, TextStatus status, StageTimes times) {
        (status == TextStatus.FAILED ? failed : done).increment();
        if (status == TextStatus.DONE) {
            predict.record(times.predict());
        }
        store.get(lane).record(times.store());
        recordIfKnown(endToEnd.get(lane), times.endToEnd());
    }

    /**
     * Durations across processes can come out negative when clocks disagree; such a sample says nothing about the
     * stage and is dropped rather than recorded as zero.
     */
    private static void recordIfKnown(Timer timer, Duration duration) {
        if (duration != null && !duration.isNegative()) {
            timer.record(duration);
        }
    }
}
