package io.glossa.app;

import io.glossa.pipeline.SubmissionLimits;
import io.glossa.web.AccessSettings;
import io.glossa.web.ApiSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the HTTP API of a role listens.
 *
 * @param port         0 picks a free one
 * @param allowedHosts the Host names to answer (against DNS rebinding); {@code *} for any
 */
public record HttpSettings(String host, int port, List<String> allowedHosts, ApiSettings api, SubmissionLimits limits) {
    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        allowedHosts = List.copyOf(allowedHosts);
        Objects.requireNonNull(api, "api settings");
        Objects.requireNonNull(limits, "submission limits");
    }

    /** 127.0.0.1 on {@code port}, answering the loopback names, with the default limits. */
    public static HttpSettings loopback(int port) {
        return new HttpSettings(
                "127.0.0.1", port, AccessSettings.LOOPBACK_HOSTS, ApiSettings.DEFAULT, SubmissionLimits.DEFAULT);
    }

    public HttpSettings withApi(ApiSettings value) {
        return new HttpSettings(host, port, allowedHosts, value, limits);
    }

    public HttpSettings withLimits(SubmissionLimits value) {
        return new HttpSettings(host, port, allowedHosts, api, value);
    }

    /**
     * The Host names to answer: as given, else the loopback names when listening on a loopback address (where DNS
     * rebinding is the risk: a web page reaching a server on the visitor's own machine), else any, since this
     * process cannot know the names a load balancer or DNS gives it.
     */
    public static List<String> allowedHosts(String host, List<String> given) {
        List<String> named = given == null
                ? List.of()
                : given.stream().filter(h -> h != null && !h.isBlank()).toList();
        if (!named.isEmpty()) {
            return named;
        }
        return loopback(host) ? AccessSettings.LOOPBACK_HOSTS : List.of("*");
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // binding fails later with its own message
        }
    }
}
