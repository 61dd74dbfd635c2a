package io.glossa.pipeline;

/**
 * The port to a tracing backend: spans that continue the W3C trace contexts glossa already carries (the request's
 * {@code traceparent}, kept with the outbox row and sent in the AMQP headers). {@link #NONE} records nothing and
 * loads no SDK; an exporting implementation lives in an adapter (io.glossa.telemetry).
 */
public interface Tracing extends AutoCloseable {
    /** Records no spans: a server span's context is {@link TraceContext#continueOrStart}'s, as without tracing. */
    Tracing NONE = new NoTracing();

    /** What a span stands for, as OpenTelemetry's span kinds. */
    enum Kind {
        SERVER,
        PRODUCER,
        CONSUMER
    }

    /**
     * Starts a span; the caller must {@link TracedSpan#end} it.
     *
     * @param parent the context it continues (a remote parent); null starts a new trace
     */
    TracedSpan start(Kind kind, String name, TraceContext parent);

    /** False for {@link #NONE}: callers may then skip the work of describing spans at all. */
    boolean enabled();

    /** Sends what is still buffered and stops; a no-op for {@link #NONE}. */
    @Override
    void close();
}
