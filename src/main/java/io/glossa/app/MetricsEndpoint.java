package io.glossa.app;

import java.util.Objects;

/** Where a worker serves /metrics, /health and /ready ({@code port} 0 picks a free one). */
public record MetricsEndpoint(String host, int port) {
    public MetricsEndpoint {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port must be between 0 and 65535, got " + port);
        }
    }
}
