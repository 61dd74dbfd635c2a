package io.glossa.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access for browsers on other origins, only those configured ({@code --cors-origin}); by default
 * none, so only the UI served here can call the API from a browser. Preflights from an allowed origin are answered
 * 204 before authentication (browsers never send credentials on a preflight); from any other origin 403 with a
 * problem that says which flag allows it. Plain requests are not refused by origin — enforcing CORS is the
 * browser's part; without an Allow-Origin header it withholds the answer from the page.
 *
 * <p>No cookies are used (keys travel in headers), so Access-Control-Allow-Credentials is never sent.
 */
final class CorsPolicy {
    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    // traceparent: browser tracing (OpenTelemetry web) sends it with every call, and a preflight must allow it
    static final String ALLOW_HEADERS = "Authorization, X-API-Key, Content-Type, Accept, traceparent";
    static final String EXPOSE_HEADERS = "Location, Retry-After, WWW-Authenticate";

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final ProblemResponses problems;

    CorsPolicy(List<String> origins, ProblemResponses problems) {
        this.origins = Set.copyOf(origins);
        this.anyOrigin = origins.contains("*");
        this.problems = problems;
    }

    void register(RoutesConfig routes) {
        routes.before(this::apply);
    }

    private void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        boolean allowed = anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
        boolean preflight =
                HandlerType.OPTIONS.equals(ctx.method()) && ctx.header("Access-Control-Request-Method") != null;
        ctx.header("Vary", "Origin");
        if (allowed) {
            ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        if (!preflight) {
            return;
        }
        ctx.skipRemainingHandlers();
        if (allowed) {
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
        } else {
            problems.send(
                    ctx,
                    Problem.of(
                            403,
                            "origin-not-allowed",
                            "Origin Not Allowed",
                            "pages from " + origin
                                    + " may not call this API; the operator can allow them with --cors-origin " + origin
                                    + " (env GLOSSA_CORS_ORIGINS)"));
        }
    }
}
