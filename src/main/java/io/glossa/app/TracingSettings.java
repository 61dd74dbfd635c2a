package io.glossa.app;

import io.glossa.pipeline.Tracing;
import io.glossa.telemetry.OtelTracing;
import io.glossa.telemetry.OtlpEndpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * Span export of a role: to an OTLP/HTTP collector, or none (the default, which starts no SDK).
 *
 * @param endpoint empty: no export
 * @param serviceName the {@code service.name} spans carry, e.g. glossa-api
 * @param serviceVersion the {@code service.version} spans carry
 */
public record TracingSettings(Optional<OtlpEndpoint> endpoint, String serviceName, String serviceVersion) {
    public static final TracingSettings OFF = new TracingSettings(Optional.empty(), "glossa", "unknown");

    public TracingSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(serviceName, "service name");
        Objects.requireNonNull(serviceVersion, "service version");
    }

    /** The tracing of a running role; close it after every part that traces. */
    Tracing open() {
        return endpoint.<Tracing>map(e -> OtelTracing.start(e, serviceName, serviceVersion))
                .orElse(Tracing.NONE);
    }
}
