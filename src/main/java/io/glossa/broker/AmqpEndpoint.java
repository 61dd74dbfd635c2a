package io.glossa.broker;

import com.rabbitmq.client.Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the AMQP broker is: one node or the nodes of a cluster, with the credentials and virtual host they share.
 * Parsed from {@code amqp://user:pass@host:port/vhost}, or a comma-separated list of such URIs and/or
 * {@code host[:port]} entries (e.g. {@code amqp://u:p@node1:5672/,node2:5672,node3}).
 */
public record AmqpEndpoint(List<Address> addresses, String username, String password, String virtualHost, boolean tls) {
    private static final int AMQP_PORT = 5672;
    private static final int AMQPS_PORT = 5671;

    public AmqpEndpoint {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no AMQP address given");
        }
        addresses = List.copyOf(addresses);
    }

    /**
     * @param defaultUser     used when no URI carries a user
     * @param defaultPassword used when no URI carries a password
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static AmqpEndpoint parse(String spec, String defaultUser, String defaultPassword) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("AMQP URI is empty");
        }
        List<Address> addresses = new ArrayList<>();
        String user = null;
        String password = null;
        String vhost = null;
        Boolean tls = null;
        for (String raw : spec.split(",", -1)) { // -1 keeps a trailing empty entry, to reject it
            String entry = raw.trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("AMQP URI list has an empty entry: '" + spec + "'");
            }
            if (!entry.contains("://")) {
                addresses.add(hostPort(entry, tls != null && tls));
                continue;
            }
            URI uri = uri(entry);
            boolean secure = "amqps".equals(uri.getScheme().toLowerCase(Locale.ROOT));
            if (tls != null && tls != secure) {
                throw new IllegalArgumentException("AMQP URIs mix amqp:// and amqps://: " + mask(spec));
            }
            tls = secure;
            addresses.add(
                    new Address(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : secure ? AMQPS_PORT : AMQP_PORT));
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = agree("user", user, decode(parts[0]));
                if (parts.length == 2) {
                    password = agree("password", password, decode(parts[1]));
                }
            }
            vhost = agree("virtual host", vhost, virtualHost(uri));
        }
        return new AmqpEndpoint(
                addresses,
                user != null ? user : defaultUser,
                password != null ? password : defaultPassword,
                vhost != null ? vhost : "/",
                tls != null && tls);
    }

    private static URI uri(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid AMQP URI: " + mask(entry) + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException("AMQP URI must start with amqp:// or amqps://, got " + mask(entry));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("AMQP URI has no host: " + mask(entry));
        }
        return uri;
    }

    private static Address hostPort(String entry, boolean tls) {
        try {
            URI uri = new URI("amqp://" + entry);
            if (uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || !uri.getRawPath().isEmpty()) {
                throw new URISyntaxException(entry, "expected host or host:port");
            }
            return new Address(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? AMQPS_PORT : AMQP_PORT);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid AMQP address: '" + entry
                    + "' (expected amqp://user:pass@host:port/vhost or host:port)");
        }
    }

    private static String virtualHost(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        String name = decode(path.substring(1));
        if (name.contains("/") && !name.equals("/")) {
            throw new IllegalArgumentException(
                    "AMQP URI path must be one virtual host name (encode '/' as %2F): " + mask(uri.toString()));
        }
        return name;
    }

    private static String agree(String what, String earlier, String now) {
        if (earlier != null && !earlier.equals(now)) {
            throw new IllegalArgumentException("the AMQP URIs of a cluster must share one " + what + "; they differ");
        }
        return now;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URI without its password, for logs and error messages. */
    static String mask(String spec) {
        return spec.replaceAll("://([^:/@,]*):[^@/,]*@", "://$1:***@");
    }

    /** For logs: addresses, user and virtual host, never the password. */
    public String describe() {
        String hosts =
                addresses.stream().map(a -> a.getHost() + ":" + a.getPort()).collect(Collectors.joining(","));
        return (tls ? "amqps://" : "amqp://") + username + "@" + hosts + "/"
                + (virtualHost.equals("/") ? "" : virtualHost);
    }

    @Override
    public String toString() {
        return describe();
    }
}
