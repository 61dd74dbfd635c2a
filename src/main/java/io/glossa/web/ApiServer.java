package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.ResultWaiters;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextSubmission;
import io.glossa.pipeline.Tracing;
import io.glossa.registry.ReverifyStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The HTTP server: the texts API, the event stream, health, metrics, the OpenAPI document and the UI's static
 * files, with every error answered as problem+json.
 */
public final class ApiServer implements AutoCloseable {
    /** Big files (the UI's script, /metrics) go out in more pieces; an API answer still fits in one. */
    static final int RESPONSE_COPY_BUFFER_BYTES = 4096;
    /** Everything Javalin is given up front (its routes too); applied when the server starts. */
    private final Consumer<JavalinConfig> setup;

    private final List<RouteGroup> groups = new ArrayList<>();
    private volatile Javalin app;
    private final ResultStream events;
    private final RevocationWatch revocations = new RevocationWatch(RevocationWatch.PERIOD);
    private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param results    where result events arrive (the results subscriber feeds it); the API adds its own listeners
     * @param storeReads runs the blocking store reads of long-polls, so no event or HTTP thread waits on the database
     * @param access     API keys, rate limits and CORS origins ({@link AccessSettings#OPEN}: none)
     * @param tracing    where the spans of accepted submissions go ({@link Tracing#NONE}: nowhere)
     */
    public ApiServer(
            TextSubmission submission,
            TextStore store,
            ResultFanout results,
            List<ReadinessCheck> checks,
            PrometheusMeterRegistry metrics,
            ApiSettings settings,
            Executor storeReads,
            AccessSettings access,
            Tracing tracing) {
        ObjectMapper json = JsonMapper.builder().build();
        TextJson texts = new TextJson(json);
        ResultWaiters waiters = new ResultWaiters(store, storeReads);
        results.add(waiters);
        TextRoutes textRoutes = new TextRoutes(submission, store, waiters, texts, settings, revocations, tracing);
        this.events = new ResultStream(results, texts, json, settings, revocations);
        byte[] openApi = resource("/io/glossa/web/openapi.json");
        long maxBody = Math.max(textRoutes.maxSingleBodyBytes(), settings.maxBatchBodyBytes());

        ProblemResponses problems = new ProblemResponses(json);
        List<ReadinessCheck> all = new ArrayList<>(checks);
        all.add(threadsCheck());
        HealthRoutes health = new HealthRoutes(all, json);
        this.setup = config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = maxBody;
            config.http.prefer405over404 = true;
            // Javalin copies every response through a new buffer of this size (Jetty's 32 KiB by default): at
            // 1,000 texts/s that alone was a quarter of the API's garbage, for answers of a few hundred bytes
            config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(new RequestObserver(metrics, settings.accessLog()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    routes.add(info.getHttpMethod().name() + " " + info.getPath());
                }
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemHandler()));
            RoutesConfig api = config.routes;
            problems.register(api);
            // before-handlers run in this order: headers first (so every answer has them, refusals included), then
            // the Host check, then CORS (a preflight is answered before authentication), then the key check
            new SecurityHeaders().register(api);
            new HostCheck(access.allowedHosts()).register(api);
            new CorsPolicy(access.corsOrigins(), problems).register(api);
            access.keys().ifPresent(keys -> new AccessControl(keys, access.limiter()).register(api));
            textRoutes.register(api);
            events.register(api);
            health.register(api);
            api.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.scrape()));
            api.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            groups.forEach(group -> group.register(api));
        };
    }

    /** Adds more routes (the UI's); call before {@link #start}. */
    public ApiServer with(RouteGroup group) {
        if (app != null) {
            throw new IllegalStateException("add route groups before start: Javalin takes every route up front");
        }
        groups.add(group);
        return this;
    }

    /** Adds the routes of re-verify runs over {@code runs}; call before {@link #start}. */
    public ApiServer withReverifyRoutes(ReverifyStore runs) {
        return with(new ReverifyRoutes(runs));
    }

    /** Starts listening; port 0 picks a free port. */
    public ApiServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("the API server is already started");
        }
        app = Javalin.create(setup).start(host, port);
        return this;
    }

    /** "METHOD /path" of every route, as registered (for checking /openapi.json against them). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /**
     * "api threads": false once a timer of the API (event stream keep-alives, API key re-checks) stopped by itself.
     * /ready reports it, and a process watchdog may stop the process on it.
     */
    public ReadinessCheck threadsCheck() {
        return new ReadinessCheck("api threads", () -> events.alive() && revocations.alive());
    }

    /** The port it listens on; call after {@link #start}. */
    public int port() {
        if (app == null) {
            throw new IllegalStateException("the API server is not started");
        }
        return app.port();
    }

    @Override
    public void close() {
        revocations.close();
        events.close();
        if (app != null) {
            app.stop();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
