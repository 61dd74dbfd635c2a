package io.glossa.web;

import io.javalin.Javalin;

/**
 * Browser hardening on every response: scripts, styles and connections only from this origin (the UI keeps all
 * JavaScript and CSS in files, so no inline code is needed), no framing, no MIME sniffing, no referrer leaks.
 */
final class SecurityHeaders implements RouteGroup {
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

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
