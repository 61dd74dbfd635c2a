package io.glossa.web;

import io.glossa.pipeline.TraceContext;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per answered request on the logger {@code io.glossa.access} (method, path, status, time, client), with the
 * same values as key-value pairs for the JSON log format. The path is logged without its query string: the event
 * stream may carry an API key there ({@code ?api_key=}).
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.glossa.access");

    void log(Context ctx, float executionMillis) {
        String millis = String.format(java.util.Locale.ROOT, "%.1f", executionMillis);
        // a submission's trace ids, as the worker's lines about its texts carry them (MDC: both log formats)
        TraceContext trace = RequestTrace.ofAnswered(ctx);
        if (trace != null) {
            MDC.put("trace_id", trace.traceId());
            MDC.put("span_id", trace.spanId());
        }
        try {
            line(ctx, millis);
        } finally {
            if (trace != null) {
                MDC.remove("trace_id");
                MDC.remove("span_id");
            }
        }
    }

    private static void line(Context ctx, String millis) {
        LOG.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", ctx.path())
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("duration_ms", millis)
                .addKeyValue("client", ctx.ip())
                .log("{} {} {} {} ms {}", ctx.method().name(), ctx.path(), ctx.statusCode(), millis, ctx.ip());
    }
}
