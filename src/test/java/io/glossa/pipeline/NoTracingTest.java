package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoTracingTest {
    @Test
    void aSpanOfNoTracingIsTheContextGlossaWouldMakeAnyway() {
        TraceContext client = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        TracedSpan span = Tracing.NONE.start(Tracing.Kind.SERVER, "POST /api/v1/texts", client);

        assertThat(span.context().traceId()).isEqualTo(client.traceId());
        assertThat(span.context().spanId()).isNotEqualTo(client.spanId());
        assertThat(span.context().sampled()).isTrue();
        assertThat(Tracing.NONE.enabled()).isFalse();
    }

    @Test
    void withoutAParentItStartsAnUnsampledTrace() {
        TracedSpan span = Tracing.NONE.start(Tracing.Kind.SERVER, "POST /api/v1/texts", null);
        assertThat(span.context().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        assertThat(span.set("k", "v").set("n", 1)).isSameAs(span);
    }
}
