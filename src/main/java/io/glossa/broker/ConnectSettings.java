package io.glossa.broker;

import java.time.Duration;

/**
 * How patiently to connect. {@code firstConnectTimeout}: how long the first connect keeps retrying (a broker that is
 * still starting, or restarting, is normal); after that the caller gets a clear error. {@code recoveryInterval}: pause
 * between automatic recovery attempts once connected. {@code tls}: whom {@code amqps://} connections trust.
 */
public record ConnectSettings(Duration firstConnectTimeout, Duration recoveryInterval, int heartbeatSeconds, AmqpTls tls) {
    public static ConnectSettings defaults() {
        return new ConnectSettings(Duration.ofSeconds(30), Duration.ofSeconds(2), 30, AmqpTls.JVM_DEFAULT);
    }

    public ConnectSettings withFirstConnectTimeout(Duration timeout) {
        return new ConnectSettings(timeout, recoveryInterval, heartbeatSeconds, tls);
    }

    public ConnectSettings withTls(AmqpTls trust) {
        return new ConnectSettings(firstConnectTimeout, recoveryInterval, heartbeatSeconds, trust);
    }
}
