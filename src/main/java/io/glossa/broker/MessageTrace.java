package io.glossa.broker;

import io.glossa.pipeline.TraceContext;
import org.slf4j.MDC;

/**
 * The trace ids in the log context (MDC) while a worker thread handles one job message, so that every line about it
 * carries them in both log formats: the request's trace id, a new span id for this handling, and the span that sent
 * it (the API's). A message without a trace context costs nothing here.
 */
final class MessageTrace {
    private MessageTrace() {}

    static void enter(TraceContext sent) {
        if (sent == null) {
            return;
        }
        MDC.put(LogKeys.TRACE_ID, sent.traceId());
        MDC.put(LogKeys.SPAN_ID, sent.child().spanId());
        MDC.put(LogKeys.PARENT_SPAN_ID, sent.spanId());
    }

    static void clear() {
        MDC.remove(LogKeys.TRACE_ID);
        MDC.remove(LogKeys.SPAN_ID);
        MDC.remove(LogKeys.PARENT_SPAN_ID);
    }
}
