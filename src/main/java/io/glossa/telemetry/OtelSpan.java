package io.glossa.telemetry;

import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.TracedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;

/** An OpenTelemetry span behind {@link TracedSpan}; its context is the W3C header value glossa passes on. */
final class OtelSpan implements TracedSpan {
    private final Span span;
    private final TraceContext context;

    OtelSpan(Span span) {
        this.span = span;
        SpanContext c = span.getSpanContext();
        this.context = TraceContext.parse("00-" + c.getTraceId() + "-" + c.getSpanId() + "-"
                + c.getTraceFlags().asHex());
    }

    @Override
    public TraceContext context() {
        return context;
    }

    @Override
    public TracedSpan set(String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
        return this;
    }

    @Override
    public TracedSpan set(String key, long value) {
        span.setAttribute(key, value);
        return this;
    }

    @Override
    public void fail(Throwable cause) {
        span.recordException(cause);
        span.setStatus(StatusCode.ERROR, String.valueOf(cause.getMessage()));
    }

    @Override
    public void end() {
        span.end();
    }
}
