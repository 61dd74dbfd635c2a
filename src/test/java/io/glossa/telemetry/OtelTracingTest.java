package io.glossa.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.TracedSpan;
import io.glossa.pipeline.Tracing;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SDK behind the port, exporting to a closed port: ids and sampling as glossa passes them on. */
class OtelTracingTest {
    private static final TraceContext SAMPLED =
            TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    private static final TraceContext UNSAMPLED =
            TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");

    @Test
    void aSpanContinuesItsParentsTraceWithItsOwnIdAndFollowsTheSamplingFlag() throws Exception {
        try (Tracing tracing = OtelTracing.start(closedPort(), "glossa-test", "dev")) {
            TracedSpan sampled = tracing.start(Tracing.Kind.SERVER, "POST /api/v1/texts", SAMPLED);
            TracedSpan unsampled = tracing.start(Tracing.Kind.CONSUMER, "process q", UNSAMPLED);
            TracedSpan root = tracing.start(Tracing.Kind.SERVER, "POST /api/v1/texts", null);

            assertThat(sampled.context().traceId()).isEqualTo(SAMPLED.traceId());
            assertThat(sampled.context().spanId()).isNotEqualTo(SAMPLED.spanId());
            assertThat(sampled.context().sampled()).isTrue();
            assertThat(unsampled.context().traceId()).isEqualTo(UNSAMPLED.traceId());
            assertThat(unsampled.context().sampled())
                    .as("the caller decided not to record")
                    .isFalse();
            assertThat(root.context().traceId()).isNotEqualTo(SAMPLED.traceId());
            assertThat(root.context().sampled())
                    .as("a trace glossa starts is recorded")
                    .isTrue();
            for (TracedSpan span : new TracedSpan[] {sampled, unsampled, root}) {
                span.set("glossa.text_id", "x").set("glossa.texts", 1).end();
            }
        }
    }

    @Test
    void closingWithAnUnreachableCollectorEndsWithinItsLimit() throws Exception {
        long start = System.nanoTime();
        Tracing tracing = OtelTracing.start(closedPort(), "glossa-test", "dev");
        tracing.start(Tracing.Kind.PRODUCER, "publish glossa.jobs", SAMPLED).end();
        tracing.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("BatchSpanProcessor")) {
                t.join(5_000); // it ends just after the shutdown it completed
                assertThat(t.isAlive()).as("the exporter thread after close").isFalse();
            }
        }
    }

    private static OtlpEndpoint closedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return OtlpEndpoint.parse("http://127.0.0.1:" + port, "--otel-endpoint");
    }
}
