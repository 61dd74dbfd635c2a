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
 */
public record AccessSettings(Optional<ApiKeys> keys, RateLimiter limiter, List<String> corsOrigins) {
    public static final AccessSettings OPEN = new AccessSettings(Optional.empty(), null, List.of());

    /** @throws IllegalArgumentException if keys are required without a limiter, or an origin is malformed */
    public AccessSettings {
        if (keys.isPresent() && limiter == null) {
            throw new IllegalArgumentException("required API keys need a rate limiter");
        }
        corsOrigins = corsOrigins.stream().map(AccessSettings::origin).distinct().toList();
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
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                throw new IllegalArgumentException(hint);
            }
            return trimmed.toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(hint);
        }
    }
}
