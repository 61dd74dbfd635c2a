package io.glossa.web;

import io.javalin.config.RoutesConfig;

/**
 * Browser hardening on every response (UI pages, API answers and errors alike): scripts, styles and connections
 * only from this origin (the UI keeps all JavaScript and CSS in files, so no inline code is needed), no framing
 * (CSP frame-ancestors for current browsers, X-Frame-Options for old ones), no MIME sniffing, no referrer leaks.
 */
final class SecurityHeaders implements RouteGroup {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Also sent by {@link JettyProblemHandler} on the errors Jetty answers before any handler runs. */
    static final java.util.Map<String, String> HEADERS = orderedHeaders();

    @Override
    public void register(RoutesConfig routes) {
        routes.before(ctx -> HEADERS.forEach(ctx::header));
    }

    private static java.util.Map<String, String> orderedHeaders() {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        return java.util.Collections.unmodifiableMap(headers);
    }
}
