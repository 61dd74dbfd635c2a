package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.Prediction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TracedHandlerTest {
    private static final TraceContext API_SPAN =
            TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    private final RecordingTracing tracing = new RecordingTracing();

    @Test
    void aJobIsHandledInAConsumerSpanThatContinuesItsContext() throws Exception {
        Job job = job(API_SPAN);
        JobHandler handler =
                TracedHandler.wrap(j -> result(j, "m-7"), tracing, "rabbitmq", lane -> "glossa.jobs." + lane.key());

        assertThat(handler.handle(job).modelVersion()).isEqualTo("m-7");
        assertThat(tracing.spans).singleElement().satisfies(span -> {
            assertThat(span.kind).isEqualTo(Tracing.Kind.CONSUMER);
            assertThat(span.name).isEqualTo("process glossa.jobs.realtime");
            assertThat(span.parent).isEqualTo(API_SPAN);
            assertThat(span.attributes)
                    .containsEntry(TraceAttributes.TEXT_ID, job.id().toString())
                    .containsEntry(TraceAttributes.MODEL_VERSION, "m-7")
                    .containsEntry(TraceAttributes.DESTINATION, "glossa.jobs.realtime")
                    .containsEntry(TraceAttributes.OPERATION_TYPE, "process");
            assertThat(span.ended).isTrue();
        });
    }

    @Test
    void eachJobOfAMultiJobMessageHasItsOwnSpanAndAFailedOneSaysWhy() throws Exception {
        Job good = job(API_SPAN);
        Job bad = job(API_SPAN.child());
        JobHandler handler = TracedHandler.wrap(
                j -> {
                    if (j == bad) {
                        throw new IllegalStateException("no model");
                    }
                    return result(j, "m-7");
                },
                tracing,
                "rabbitmq",
                lane -> "q");

        List<JobOutcome> outcomes = handler.handleAll(List.of(good, bad));

        assertThat(outcomes).extracting(JobOutcome::isFailed).containsExactly(false, true);
        assertThat(tracing.spans).hasSize(2).allMatch(s -> s.ended);
        assertThat(tracing.spans.get(0).failure).isNull();
        assertThat(tracing.spans.get(1).failure).hasMessage("no model");
    }

    @Test
    void aThrowingHandlerFailsTheSpanAndTheJob() {
        JobHandler handler = TracedHandler.wrap(
                j -> {
                    throw new IllegalStateException("store down");
                },
                tracing,
                "rabbitmq",
                lane -> "q");
        assertThatThrownBy(() -> handler.handle(job(API_SPAN))).hasMessage("store down");
        assertThat(tracing.spans)
                .singleElement()
                .satisfies(s -> assertThat(s.failure).hasMessage("store down"));
    }

    @Test
    void aJobWithoutContextStartsNoTrace() throws Exception {
        JobHandler handler = TracedHandler.wrap(j -> result(j, "m-7"), tracing, "rabbitmq", lane -> "q");
        handler.handle(job(null));
        assertThat(tracing.spans).isEmpty();
    }

    @Test
    void withoutTracingTheHandlerIsNotWrapped() {
        JobHandler plain = j -> result(j, "m-7");
        assertThat(TracedHandler.wrap(plain, Tracing.NONE, "rabbitmq", lane -> "q"))
                .isSameAs(plain);
    }

    private static Job job(TraceContext trace) {
        return new Job(UUID.randomUUID(), "Hej", Lane.REALTIME, Instant.now(), null, Question.DEFAULT, null, trace);
    }

    private static Result result(Job job, String version) {
        return new Result(
                job.id(), new Prediction("sv", "Swedish", "svenska", 0.9, List.of()), version, Instant.now(), 1);
    }
}
