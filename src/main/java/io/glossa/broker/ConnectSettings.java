package io.glossa.broker;

import com.rabbitmq.client.MetricsCollector;
import com.rabbitmq.client.NoOpMetricsCollector;
import java.time.Duration;

/**
 * How patiently to connect. {@code firstConnectTimeout}: how long the first connect keeps retrying (a broker that is
 * still starting, or restarting, is normal); after that the caller gets a clear error. {@code recoveryInterval}: pause
 * between automatic recovery attempts once connected. {@code tls}: whom {@code amqps://} connections trust.
 * {@code metrics}: counts the connections' channels, messages and acks (none by default).
 */
public record ConnectSettings(
        Duration firstConnectTimeout,
        Duration recoveryInterval,
        int heartbeatSeconds,
        AmqpTls tls,
        MetricsCollector metrics) {
    public static ConnectSettings defaults() {
        return new ConnectSettings(
                Duration.ofSeconds(30), Duration.ofSeconds(2), 30, AmqpTls.JVM_DEFAULT, new NoOpMetricsCollector());
    }

    public ConnectSettings withFirstConnectTimeout(Duration timeout) {
        return new ConnectSettings(timeout, recoveryInterval, heartbeatSeconds, tls, metrics);
    }

    public ConnectSettings withTls(AmqpTls trust) {
        return new ConnectSettings(firstConnectTimeout, recoveryInterval, heartbeatSeconds, trust, metrics);
    }

    public ConnectSettings withMetrics(MetricsCollector collector) {
        return new ConnectSettings(firstConnectTimeout, recoveryInterval, heartbeatSeconds, tls, collector);
    }
}
