package io.glossa.pipeline;

/** A started span of {@link Tracing}: its context to pass on, a few attributes, and its end. */
public interface TracedSpan {
    /** The context naming this span, to send on with what it hands over (e.g. as a job's {@code traceparent}). */
    TraceContext context();

    TracedSpan set(String key, String value);

    TracedSpan set(String key, long value);

    /** Marks the span failed with the reason. */
    void fail(Throwable cause);

    void end();
}
