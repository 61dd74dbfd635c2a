package io.glossa.web;

import io.glossa.access.ApiKeys;
import io.glossa.access.RateLimiter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use the API.
 *
 * @param keys        when present, every {@code /api/...} request needs an active key, limited by {@code limiter}
 * @param corsOrigins origins whose pages may call the API from a browser ({@code *}: any); empty: same origin only
 * @param allowedHosts the names a request's Host header may carry (no port; {@code *}: any)
 */
public record AccessSettings(
        Optional<ApiKeys> keys, RateLimiter limiter, List<String> corsOrigins, List<String> allowedHosts) {
    public static final AccessSettings OPEN = new AccessSettings(Optional.empty(), null, List.of());
    /** What a server listening on this machine only answers for. */
    public static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    /** @throws IllegalArgumentException if keys are required without a limiter, or an origin is malformed */
    public AccessSettings {
        if (keys.isPresent() && limiter == null) {
            throw new IllegalArgumentException("required API keys need a rate limiter");
        }
        corsOrigins =
                corsOrigins.stream().map(AccessSettings::origin).distinct().toList();
        allowedHosts =
                allowedHosts.stream().map(AccessSettings::hostName).distinct().toList();
    }

    /** Any Host header; the commands pass the names they listen for (see {@link #LOOPBACK_HOSTS}). */
    public AccessSettings(Optional<ApiKeys> keys, RateLimiter limiter, List<String> corsOrigins) {
        this(keys, limiter, corsOrigins, List.of("*"));
    }

    public AccessSettings withAllowedHosts(List<String> hosts) {
        return new AccessSettings(keys, limiter, corsOrigins, hosts);
    }

    /** A host name as a Host header carries it, without the port: "api.example.com", "[::1]", or "*". */
    static String hostName(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        boolean plain = name.matches("\\*|[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\]");
        if (!plain) {
            throw new IllegalArgumentException("an allowed host is a name or address without scheme or port, e.g. "
                    + "api.example.com, 10.0.0.5 or [::1] (or * for any), got '" + value + "'");
        }
        return name;
    }

    public boolean keysRequired() {
        return keys.isPresent();
    }

    /** An origin as browsers send it: scheme://host[:port], no path; compared in lower case. */
    static String origin(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.equals("*")) {
            return trimmed;
        }
        String hint = "a CORS origin looks like https://app.example.com or http://localhost:3000 (or * for any), got '"
                + value + "'";
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                throw new IllegalArgumentException(hint);
            }
            return trimmed.toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(hint);
        }
    }
}
