package io.glossa.cli;

import io.glossa.access.RateLimit;
import io.glossa.app.AccessPolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Who may use the HTTP API: API keys, their rate limits, CORS origins (shared by {@code serve} and {@code api}). */
final class AccessOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--require-api-key",
            defaultValue = "${env:GLOSSA_REQUIRE_API_KEY:-false}",
            description =
                    "Every /api/... request needs a key made with 'glossa keys create' (env GLOSSA_REQUIRE_API_KEY=true). "
                            + "/health, /ready, /metrics, /openapi.json and the UI pages stay open.")
    boolean requireApiKey;

    @Option(
            names = "--rate-limit",
            defaultValue = "${env:GLOSSA_RATE_LIMIT:-50/s}",
            paramLabel = "RATE",
            description = "Requests per key, e.g. 50/s, 600/m, 3600/h, for keys without their own limit "
                    + "(env GLOSSA_RATE_LIMIT; default: ${DEFAULT-VALUE}; needs --require-api-key).")
    String rateLimit;

    @Option(
            names = "--rate-burst",
            defaultValue = "${env:GLOSSA_RATE_BURST}",
            paramLabel = "N",
            description =
                    "Requests a key may make at once after a pause (env GLOSSA_RATE_BURST; default: two seconds' worth).")
    Integer rateBurst;

    @Option(
            names = "--api-key-cache",
            defaultValue = "${env:GLOSSA_API_KEY_CACHE:-10s}",
            paramLabel = "DURATION",
            description = "How long a checked key is trusted without asking the database again; a revoked key works "
                    + "that much longer (env GLOSSA_API_KEY_CACHE; default: ${DEFAULT-VALUE}; 0s: ask every time).")
    String keyCache;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            split = ",",
            defaultValue = "${env:GLOSSA_CORS_ORIGINS}",
            description = "Let browser pages from this origin call the API, e.g. https://app.example.com; repeatable, "
                    + "or * for any (env GLOSSA_CORS_ORIGINS, comma-separated). Default: none, same origin only.")
    List<String> corsOrigins = new ArrayList<>();

    /** @throws ParameterException (one line) if a value is malformed */
    AccessPolicy policy() {
        try {
            return new AccessPolicy(
                    requireApiKey,
                    RateLimit.parse(rateLimit, rateBurst),
                    DurationText.parse(keyCache, "--api-key-cache"),
                    corsOrigins);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
