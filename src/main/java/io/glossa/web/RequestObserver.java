package io.glossa.web;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

/**
 * What Javalin calls once per answered request: the request metrics, and the access log when it is on. Jetty's
 * internal forward of {@code /} to {@code /index.html} reaches Javalin as a second dispatch; only the client's
 * request is counted.
 */
final class RequestObserver implements RequestLogger {
    private final HttpRequestMetrics metrics;
    private final AccessLog accessLog;

    RequestObserver(MeterRegistry registry, boolean accessLog) {
        this.metrics = new HttpRequestMetrics(registry);
        this.accessLog = accessLog ? new AccessLog() : null;
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        if (ctx.req().getDispatcherType() == DispatcherType.FORWARD) {
            return;
        }
        RequestTrace.end(ctx);
        metrics.record(ctx, executionMillis);
        if (accessLog != null) {
            accessLog.log(ctx, executionMillis);
        }
    }
}
