package io.glossa.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake of the Tracing port for unit tests: records every span with its parent, attributes, failure and end. */
public final class RecordingTracing implements Tracing {
    public final List<Recorded> spans = new CopyOnWriteArrayList<>();

    /** A started span; its own context continues the parent's trace (or starts one) like glossa's. */
    public static final class Recorded implements TracedSpan {
        public final Kind kind;
        public final String name;
        public final TraceContext parent;
        public final Map<String, Object> attributes = new HashMap<>();
        public Throwable failure;
        public boolean ended;
        private final TraceContext context;

        Recorded(Kind kind, String name, TraceContext parent) {
            this.kind = kind;
            this.name = name;
            this.parent = parent;
            this.context = TraceContext.continueOrStart(parent == null ? null : parent.traceparent());
        }

        @Override
        public TraceContext context() {
            return context;
        }

        @Override
        public TracedSpan set(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        @Override
        public TracedSpan set(String key, long value) {
            attributes.put(key, value);
            return this;
        }

        @Override
        public void fail(Throwable cause) {
            failure = cause;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    @Override
    public TracedSpan start(Kind kind, String name, TraceContext parent) {
        Recorded span = new Recorded(kind, name, parent);
        spans.add(span);
        return span;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void close() {}
}
