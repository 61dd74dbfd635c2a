package io.glossa.pipeline;

/** {@link Tracing#NONE}: no SDK, no buffer, no thread; a span is only the context glossa would make anyway. */
final class NoTracing implements Tracing {
    @Override
    public TracedSpan start(Kind kind, String name, TraceContext parent) {
        return new Span(parent == null ? TraceContext.start() : parent.child());
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public void close() {
        // nothing buffered
    }

    private record Span(TraceContext context) implements TracedSpan {
        @Override
        public TracedSpan set(String key, String value) {
            return this;
        }

        @Override
        public TracedSpan set(String key, long value) {
            return this;
        }

        @Override
        public void fail(Throwable cause) {
            // not recorded
        }

        @Override
        public void end() {
            // not recorded
        }
    }
}
