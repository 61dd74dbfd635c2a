package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TracedPublisherTest {
    private static final TraceContext ONE =
            TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    private static final TraceContext TWO =
            TraceContext.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    private final RecordingPublisher target = new RecordingPublisher();
    private final RecordingTracing tracing = new RecordingTracing();
    private final JobPublisher publisher = TracedPublisher.wrap(target, tracing, "rabbitmq", "glossa.jobs");

    @Test
    void onePublishGivesOneProducerSpanPerTraceAsAChildOfItsContext() {
        Job a = job(ONE, Lane.REALTIME);
        Job b = job(TWO, Lane.BATCH);
        Job c = job(TWO, Lane.BATCH);
        publisher.publish(List.of(a, b, c, job(null, Lane.BATCH)));

        assertThat(target.published()).hasSize(4);
        assertThat(tracing.spans).extracting(s -> s.parent).containsExactly(ONE, TWO);
        RecordingTracing.Recorded first = tracing.spans.get(0);
        assertThat(first.kind).isEqualTo(Tracing.Kind.PRODUCER);
        assertThat(first.name).isEqualTo("publish glossa.jobs");
        assertThat(first.attributes)
                .containsEntry(TraceAttributes.MESSAGING_SYSTEM, "rabbitmq")
                .containsEntry(TraceAttributes.DESTINATION, "glossa.jobs")
                .containsEntry(TraceAttributes.ROUTING_KEY, "realtime")
                .containsEntry(TraceAttributes.MESSAGE_COUNT, 1L)
                .containsEntry(TraceAttributes.TEXT_ID, a.id().toString());
        assertThat(tracing.spans.get(1).attributes)
                .containsEntry(TraceAttributes.MESSAGE_COUNT, 2L)
                .doesNotContainKey(TraceAttributes.TEXT_ID);
        assertThat(tracing.spans).allMatch(s -> s.ended && s.failure == null);
    }

    @Test
    void aFailedPublishEndsItsSpansAsFailedAndStillThrows() {
        target.down = true;
        assertThatThrownBy(() -> publisher.publish(List.of(job(ONE, Lane.REALTIME))))
                .isInstanceOf(BrokerUnavailableException.class);
        assertThat(tracing.spans).singleElement().satisfies(s -> {
            assertThat(s.ended).isTrue();
            assertThat(s.failure).isInstanceOf(BrokerUnavailableException.class);
        });
    }

    @Test
    void withoutTracingThePublisherIsNotWrapped() {
        assertThat(TracedPublisher.wrap(target, Tracing.NONE, "rabbitmq", "glossa.jobs"))
                .isSameAs(target);
    }

    private static Job job(TraceContext trace, Lane lane) {
        return new Job(UUID.randomUUID(), "Hej", lane, Instant.now(), null, Question.DEFAULT, null, trace);
    }
}
