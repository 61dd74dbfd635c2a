package io.glossa.web;

import io.javalin.Javalin;

/**
 * Browser hardening on every response (UI pages, API answers and errors alike): scripts, styles and connections
 * only from this origin (the UI keeps all JavaScript and CSS in files, so no inline code is needed), no framing
 * (CSP frame-ancestors for current browsers, X-Frame-Options for old ones), no MIME sniffing, no referrer leaks.
 */
final class SecurityHeaders implements RouteGroup {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void register(Javalin app) {
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
        });
    }
}
