package io.glossa.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} header names a host this server does not answer for, against DNS rebinding:
 * a page on evil.example that re-points its own name at 127.0.0.1 makes the browser send the API's answers to it
 * as same-origin, but the Host header still says evil.example. Every path is checked, the UI's files included.
 */
final class HostCheck {
    private final Set<String> hosts;

    /** @param hosts host names (no port), lower case; {@code *} allows any */
    HostCheck(List<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    void register(RoutesConfig routes) {
        if (!hosts.contains("*")) {
            routes.before(this::check);
        }
    }

    private void check(Context ctx) {
        String host = hostName(ctx.header("Host"));
        if (host == null || !hosts.contains(host)) {
            String shown = host == null
                    ? "no Host header"
                    : "Host '" + (host.length() > 60 ? host.substring(0, 60) + "…" : host) + "'";
            throw new ProblemException(
                    400,
                    "host-not-allowed",
                    "Host Not Allowed",
                    shown + " is not a name of this "
                            + "server; the operator can allow it with --allowed-hosts (env GLOSSA_ALLOWED_HOSTS)");
        }
    }

    /** The host of a Host header without its port, lower case: "[::1]:8080" → "[::1]", "API:80" → "api". */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim().toLowerCase(Locale.ROOT);
        int close = value.lastIndexOf(']');
        int colon = value.lastIndexOf(':');
        return colon > close ? value.substring(0, colon) : value;
    }
}
