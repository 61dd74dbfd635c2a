package io.glossa.telemetry;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where spans go: an OTLP/HTTP collector's base URL (as {@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g.
 * {@code http://127.0.0.1:4318}), to which {@code /v1/traces} is added unless the URL already ends with it.
 */
public record OtlpEndpoint(URI traces) {
    private static final String TRACES_PATH = "/v1/traces";

    /** @throws IllegalArgumentException with what to give instead, when {@code url} is not an http(s) URL */
    public static OtlpEndpoint parse(String url, String option) {
        String hint = option + " must be the http:// or https:// URL of an OTLP/HTTP collector, e.g. "
                + "http://127.0.0.1:4318 (OpenTelemetry Collector, Jaeger, Tempo); got '" + url + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(hint + " (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(hint);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.endsWith(TRACES_PATH)) {
            path = path.replaceAll("/+$", "") + TRACES_PATH;
        }
        return new OtlpEndpoint(uri.resolve(path));
    }

    @Override
    public String toString() {
        return traces.toString();
    }
}
