package io.glossa.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method,uri,status}}: one timer per route template (never the raw path, so the
 * series stay few) and status. Timers are looked up without allocating: per method a map from template to an array
 * indexed by status, filled on first use. A few fixed buckets let Prometheus compute a per-route p99.
 */
final class HttpRequestMetrics {
    static final String NAME = "http.server.requests";
    /** The template of requests no endpoint handled: static files, 404s, refusals before routing. */
    static final String UNMATCHED = "UNMATCHED";
    /** The method tag of requests whose method is none of the standard ones (any token is a valid method). */
    static final String INVALID_METHOD = "INVALID";

    private static final int LOWEST_STATUS = 100;
    private static final int STATUSES = 500;
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(25),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofMillis(2500),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    /** By method tag: filled once here and only read afterwards, so the outer map needs no lock. */
    private final Map<String, Map<String, Timer[]>> timers;

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Map<String, Map<String, Timer[]>> byMethod = new HashMap<>();
        for (HandlerType method : HandlerType.values()) {
            if (method.isHttpMethod()) {
                byMethod.put(method.name(), new ConcurrentHashMap<>());
            }
        }
        byMethod.put(INVALID_METHOD, new ConcurrentHashMap<>());
        this.timers = Map.copyOf(byMethod);
    }

    void record(Context ctx, float executionMillis) {
        // no HTTP endpoint ran for a static file, a 404, or a refusal by a before-handler (API key, rate limit, CORS
        // preflight); Javalin then has no template to give
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String template = endpoint == null || endpoint.path.isEmpty() ? UNMATCHED : endpoint.path;
        int status = Math.max(LOWEST_STATUS, Math.min(LOWEST_STATUS + STATUSES - 1, ctx.statusCode()));
        timer(ctx.method().name(), template, status)
                .record((long) (executionMillis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    private Timer timer(String requestMethod, String template, int status) {
        // a made-up method would otherwise add series without bound
        String method = timers.containsKey(requestMethod) ? requestMethod : INVALID_METHOD;
        Timer[] byStatus = timers.get(method).computeIfAbsent(template, t -> new Timer[STATUSES]);
        Timer timer = byStatus[status - LOWEST_STATUS];
        if (timer == null) {
            // a race registers the same meter twice; Micrometer hands back the one it already has
            timer = Timer.builder(NAME)
                    .tag("method", method)
                    .tag("uri", template)
                    .tag("status", Integer.toString(status))
                    .description("HTTP requests by route template and status")
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            byStatus[status - LOWEST_STATUS] = timer;
        }
        return timer;
    }
}
