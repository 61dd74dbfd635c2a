package io.glossa.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/** A small HTTP server for processes without the API (workers): {@code /metrics}, {@code /health}, {@code /ready}. */
public final class MetricsServer implements AutoCloseable {
    private final Javalin app;

    public MetricsServer(PrometheusMeterRegistry registry, BooleanSupplier ready) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            RoutesConfig routes = config.routes;
            new SecurityHeaders().register(routes); // the same headers as the API's, on every response
            routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(registry.scrape()));
            routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"alive\"}"));
            routes.get("/ready", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503)
                        .contentType("application/json")
                        .result(ok ? "{\"status\":\"ready\"}" : "{\"status\":\"not ready\"}");
            });
        });
    }

    public MetricsServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
