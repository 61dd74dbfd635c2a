package io.glossa.cli;

import io.glossa.app.TracingSettings;
import io.glossa.telemetry.OtlpEndpoint;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Span export to an OpenTelemetry collector ({@code serve}, {@code api}, {@code worker}); off unless an endpoint is
 * given, and then no SDK is loaded at all. The standard {@code OTEL_EXPORTER_OTLP_ENDPOINT} and
 * {@code OTEL_SERVICE_NAME} variables count too, so a deployment's usual OTel settings work unchanged.
 */
final class TracingOptions {
    static final String STANDARD_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String STANDARD_SERVICE = "OTEL_SERVICE_NAME";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--otel-endpoint",
            defaultValue = "${env:GLOSSA_OTEL_ENDPOINT}",
            paramLabel = "URL",
            description = "Export spans (API request, relay publish, worker job) over OTLP/HTTP to this collector, "
                    + "e.g. http://127.0.0.1:4318; /v1/traces is added (env GLOSSA_OTEL_ENDPOINT or "
                    + STANDARD_ENDPOINT + "; service name from " + STANDARD_SERVICE + ", default glossa-ROLE). "
                    + "Default: no export.")
    String endpoint;

    /** The span export of a process in {@code role} (serve, api, worker). */
    public TracingSettings settings(String role) {
        return settings(role, System.getenv());
    }

    TracingSettings settings(String role, Map<String, String> env) {
        boolean fromOption = endpoint != null && !endpoint.isBlank();
        String url = fromOption ? endpoint : env.get(STANDARD_ENDPOINT);
        if (url == null || url.isBlank()) {
            return TracingSettings.OFF;
        }
        OtlpEndpoint parsed;
        try {
            parsed = OtlpEndpoint.parse(
                    url, fromOption ? "--otel-endpoint (env GLOSSA_OTEL_ENDPOINT)" : STANDARD_ENDPOINT);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String service = env.getOrDefault(STANDARD_SERVICE, "");
        return new TracingSettings(
                Optional.of(parsed), service.isBlank() ? "glossa-" + role : service.strip(), GlossaVersion.current());
    }
}
