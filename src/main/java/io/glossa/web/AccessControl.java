package io.glossa.web;

import io.glossa.access.ApiKey;
import io.glossa.access.ApiKeys;
import io.glossa.access.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * API keys on {@code /api/...} when required: {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>};
 * a missing, unknown or revoked key gets 401, a key over its rate limit 429 with Retry-After.
 *
 * <p>{@code ?api_key=} is accepted on the event stream only: browsers' EventSource cannot send headers, and the
 * UI must work when keys are required. Keys in URLs can leak through logs and history, so no other path takes
 * them; this server logs no request URLs, sends {@code Referrer-Policy: no-referrer}, and EventSource URLs never
 * enter the browser's history.
 *
 * <p>Keys own what they submit (see {@link io.glossa.pipeline.Requester}); the operators' routes, {@code /api/v1/stats}
 * (the dashboard) and {@code /api/v1/reverify}, show every key's traffic and answer 403 to a key without the admin
 * scope ({@code glossa keys create --admin}). {@code /api/v1/lanes} and {@code /api/v1/languages} hold no one's data
 * (aggregates, the model's labels) and stay open to every key.
 *
 * <p>/health, /ready, /metrics, /openapi.json and the UI's static files stay open: probes and scrapers carry no
 * key, and the UI pages themselves hold no data (they ask the API for it, with the user's key).
 */
final class AccessControl {
    /** The {@link PresentedKey} of a request that was let in. */
    static final String KEY_ATTRIBUTE = "glossa.apiKey";

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final RateLimiter limiter;

    AccessControl(ApiKeys keys, RateLimiter limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    void register(RoutesConfig routes) {
        routes.before("/api/*", this::check);
    }

    private void check(Context ctx) {
        Optional<String> secret = presented(ctx);
        if (secret.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"glossa\"");
            throw new ProblemException(
                    401,
                    "api-key-required",
                    "API Key Required",
                    "this API needs a key: send "
                            + "'Authorization: Bearer <key>' or 'X-API-Key: <key>'; an operator creates keys with 'glossa keys create'");
        }
        ApiKey key = keys.authenticate(secret.get()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"glossa\", error=\"invalid_token\"");
            return new ProblemException(
                    401,
                    "api-key-invalid",
                    "Invalid API Key",
                    "the API key is unknown or revoked; "
                            + "check that it was copied whole, or ask the operator for a new one ('glossa keys list' shows revoked keys)");
        });
        long retryAfter = limiter.retryAfterSeconds(key);
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new ProblemException(
                    429,
                    "rate-limited",
                    "Too Many Requests",
                    "this API key is limited to "
                            + key.rateLimit().orElse(limiter.defaultLimit()).describe() + "; retry in " + retryAfter
                            + " s");
        }
        if (!key.admin() && adminOnly(ctx.path())) {
            throw new ProblemException(
                    403,
                    "admin-key-required",
                    "Admin Key Required",
                    "this API key may see only "
                            + "its own texts; " + ctx.path()
                            + " shows every key's, so it needs a key with the admin scope "
                            + "('glossa keys create --admin')");
        }
        ctx.attribute(KEY_ATTRIBUTE, new PresentedKey(key, secret.get(), keys));
    }

    static boolean adminOnly(String path) {
        return path.equals(StatsRoutes.PATH)
                || path.equals(ReverifyRoutes.PATH)
                || path.startsWith(ReverifyRoutes.PATH + "/");
    }

    private static Optional<String> presented(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return nonBlank(authorization.substring(BEARER.length()));
        }
        Optional<String> header = nonBlank(ctx.header("X-API-Key"));
        if (header.isPresent()) {
            return header;
        }
        if (ctx.path().equals(ResultStream.PATH)) {
            return nonBlank(ctx.queryParam("api_key"));
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
