package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A producer span around each publish of the outbox relay, one per trace among the published jobs (usually one:
 * a request's texts share its trace), as a child of the context the job carries. The job keeps sending that
 * context, so the worker's span is a sibling of this one under the API's span.
 */
public final class TracedPublisher implements JobPublisher {
    private final JobPublisher publisher;
    private final Tracing tracing;
    private final String system;
    private final String exchange;

    private TracedPublisher(JobPublisher publisher, Tracing tracing, String system, String exchange) {
        this.publisher = publisher;
        this.tracing = tracing;
        this.system = system;
        this.exchange = exchange;
    }

    /** {@code publisher} itself when tracing is off, so an untraced publish costs nothing extra. */
    public static JobPublisher wrap(JobPublisher publisher, Tracing tracing, String system, String exchange) {
        return tracing.enabled() ? new TracedPublisher(publisher, tracing, system, exchange) : publisher;
    }

    @Override
    public void publish(List<Job> jobs) {
        List<TracedSpan> spans = start(jobs);
        try {
            publisher.publish(jobs);
        } catch (RuntimeException e) {
            spans.forEach(span -> span.fail(e));
            throw e;
        } finally {
            spans.forEach(TracedSpan::end);
        }
    }

    private List<TracedSpan> start(List<Job> jobs) {
        Map<TraceContext, List<Job>> byTrace = new LinkedHashMap<>();
        for (Job job : jobs) {
            if (job.trace() != null) { // rows from before trace contexts were kept
                byTrace.computeIfAbsent(job.trace(), t -> new ArrayList<>()).add(job);
            }
        }
        List<TracedSpan> spans = new ArrayList<>(byTrace.size());
        byTrace.forEach((trace, traced) -> {
            TracedSpan span = tracing.start(Tracing.Kind.PRODUCER, "publish " + exchange, trace)
                    .set(TraceAttributes.MESSAGING_SYSTEM, system)
                    .set(TraceAttributes.DESTINATION, exchange)
                    .set(TraceAttributes.OPERATION_TYPE, "send")
                    .set(TraceAttributes.ROUTING_KEY, traced.get(0).lane().key())
                    .set(TraceAttributes.LANE, traced.get(0).lane().key())
                    .set(TraceAttributes.MESSAGE_COUNT, traced.size());
            if (traced.size() == 1) {
                span.set(TraceAttributes.TEXT_ID, traced.get(0).id().toString());
            }
            spans.add(span);
        });
        return spans;
    }
}
