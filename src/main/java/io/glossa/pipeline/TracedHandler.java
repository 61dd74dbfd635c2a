package io.glossa.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A consumer span around a worker's handling of each job (predict and store), as a child of the context the job
 * came with: the API's span of the request that submitted it. A multi-job message gives one span per job, since
 * its jobs may belong to different requests. A job without a context (re-verify jobs, an outside producer that
 * sent none) gets no span: it would start one new trace per job.
 */
public final class TracedHandler implements JobHandler {
    private final JobHandler handler;
    private final Tracing tracing;
    private final String system;
    private final Function<Lane, String> queue;

    private TracedHandler(JobHandler handler, Tracing tracing, String system, Function<Lane, String> queue) {
        this.handler = handler;
        this.tracing = tracing;
        this.system = system;
        this.queue = queue;
    }

    /** {@code handler} itself when tracing is off, so an untraced job costs nothing extra. */
    public static JobHandler wrap(JobHandler handler, Tracing tracing, String system, Function<Lane, String> queue) {
        return tracing.enabled() ? new TracedHandler(handler, tracing, system, queue) : handler;
    }

    @Override
    public Result handle(Job job) throws Exception {
        TracedSpan span = start(job);
        try {
            Result result = handler.handle(job);
            span.set(TraceAttributes.MODEL_VERSION, result.modelVersion());
            return result;
        } catch (Exception | Error e) {
            span.fail(e);
            throw e;
        } finally {
            span.end();
        }
    }

    @Override
    public List<JobOutcome> handleAll(List<Job> jobs) throws InterruptedException {
        Map<UUID, TracedSpan> spans = new LinkedHashMap<>();
        jobs.forEach(job -> spans.put(job.id(), start(job)));
        try {
            List<JobOutcome> outcomes = handler.handleAll(jobs);
            for (JobOutcome outcome : outcomes) {
                TracedSpan span = spans.get(outcome.job().id());
                if (outcome.isFailed()) {
                    span.fail(outcome.failure());
                } else {
                    span.set(TraceAttributes.MODEL_VERSION, outcome.result().modelVersion());
                }
            }
            return outcomes;
        } catch (RuntimeException | Error e) {
            spans.values().forEach(span -> span.fail(e));
            throw e;
        } finally {
            spans.values().forEach(TracedSpan::end);
        }
    }

    @Override
    public void giveUp(Job job, String reason) throws Exception {
        handler.giveUp(job, reason);
    }

    private TracedSpan start(Job job) {
        if (job.trace() == null) {
            return Tracing.NONE.start(Tracing.Kind.CONSUMER, "", null);
        }
        String destination = queue.apply(job.lane());
        return tracing.start(Tracing.Kind.CONSUMER, "process " + destination, job.trace())
                .set(TraceAttributes.MESSAGING_SYSTEM, system)
                .set(TraceAttributes.DESTINATION, destination)
                .set(TraceAttributes.OPERATION_TYPE, "process")
                .set(TraceAttributes.LANE, job.lane().key())
                .set(TraceAttributes.TEXT_ID, job.id().toString());
    }
}
