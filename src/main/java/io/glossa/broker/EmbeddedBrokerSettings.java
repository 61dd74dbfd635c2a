package io.glossa.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the embedded broker runs. It listens on 127.0.0.1 only, so the default guest/guest credentials
 * are reachable from this machine alone; set other credentials when the machine is shared.
 */
public record EmbeddedBrokerSettings(Path dataDir, int port, String username, String password) {
    public static final int DEFAULT_PORT = 5673;
    public static final String DEFAULT_USER = "guest";
    public static final String DEFAULT_PASSWORD = "guest";

    public EmbeddedBrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("AMQP port must be between 0 and 65535, got " + port);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("AMQP user must not be empty");
        }
        Objects.requireNonNull(password, "password");
    }

    public static EmbeddedBrokerSettings defaults(Path dataDir) {
        return new EmbeddedBrokerSettings(dataDir, DEFAULT_PORT, DEFAULT_USER, DEFAULT_PASSWORD);
    }

    /** The broker's own folder inside the data dir: message store and Qpid's work dir. */
    public Path brokerDir() {
        return dataDir.resolve("broker");
    }
}
