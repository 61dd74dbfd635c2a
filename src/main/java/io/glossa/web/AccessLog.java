package io.glossa.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the logger {@code io.glossa.access} (method, path, status, time, client), with the
 * same values as key-value pairs for the JSON log format. The path is logged without its query string: the event
 * stream may carry an API key there ({@code ?api_key=}).
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.glossa.access");

    void log(Context ctx, float executionMillis) {
        String millis = String.format(java.util.Locale.ROOT, "%.1f", executionMillis);
        LOG.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
                .addKeyValue("status", ctx.statusCode()).addKeyValue("duration_ms", millis)
                .addKeyValue("client", ctx.ip())
                .log("{} {} {} {} ms {}", ctx.method().name(), ctx.path(), ctx.statusCode(), millis, ctx.ip());
    }
}
