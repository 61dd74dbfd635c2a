package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** W3C traceparent parsing and formatting, with the specification's own example and its invalid cases. */
class TraceContextTest {
    private static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void aValidHeaderIsKeptAndCutIntoItsIds() {
        TraceContext trace = TraceContext.parse(EXAMPLE);
        assertThat(trace.traceparent()).isEqualTo(EXAMPLE);
        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.sampled()).isTrue();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
                        .sampled())
                .isFalse();
        assertThat(TraceContext.parse("  " + EXAMPLE + " ").traceparent())
                .as("optional whitespace")
                .isEqualTo(EXAMPLE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "garbage",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", // no flags
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has four fields
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // uppercase
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01x", // trace id one digit short
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", // wrong separators
                "00-4bf92f3577b34da6a3ce929d0e0e47zz-00f067aa0ba902b7-01", // not hex
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // version ff is invalid
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero parent id
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", // a later version, but no dash after
                "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" // version not hex
            })
    void anInvalidHeaderIsNoContext(String header) {
        assertThat(TraceContext.parse(header)).isNull();
    }

    @Test
    void aLaterVersionIsReadAsVersion00() {
        assertThat(TraceContext.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds")
                        .traceparent())
                .isEqualTo(EXAMPLE);
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .traceparent())
                .isEqualTo(EXAMPLE);
    }

    @Test
    void aServerKeepsTheTraceIdAndMakesANewSpanId() {
        TraceContext parent = TraceContext.parse(EXAMPLE);
        TraceContext child = TraceContext.continueOrStart(EXAMPLE);
        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId())
                .isNotEqualTo(parent.spanId())
                .matches("[0-9a-f]{16}")
                .isNotEqualTo("0".repeat(16));
        assertThat(child.sampled()).as("flags are kept").isTrue();
        assertThat(TraceContext.parse(child.traceparent())).isEqualTo(child);
    }

    @Test
    void noOrAnInvalidHeaderStartsANewTrace() {
        Set<String> traceIds = new HashSet<>();
        for (String header : new String[] {null, "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "x"}) {
            TraceContext trace = TraceContext.continueOrStart(header);
            assertThat(trace.traceparent()).matches(FORMAT).endsWith("-00");
            assertThat(TraceContext.parse(trace.traceparent()))
                    .as("what we write, we read")
                    .isEqualTo(trace);
            traceIds.add(trace.traceId());
        }
        assertThat(traceIds)
                .as("each a trace of its own")
                .hasSize(3)
                .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void startedIdsAreRandomAndNeverAllZero() {
        Set<String> spans = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            TraceContext trace = TraceContext.start();
            assertThat(trace.traceId()).isNotEqualTo("0".repeat(32));
            spans.add(trace.spanId());
        }
        assertThat(spans).hasSize(10_000);
    }
}
