package io.glossa.metrics;

import com.rabbitmq.client.MetricsCollector;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import com.rabbitmq.client.impl.MicrometerMetricsCollector.Metrics;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Meters of the two client libraries glossa talks through, using each library's own Micrometer support:
 * HikariCP's pool ({@code hikaricp_connections_*}, tag {@code pool}) and the RabbitMQ client
 * ({@code glossa_amqp_*}). The AMQP prefix is glossa's own so these never mix with the RabbitMQ server's
 * {@code rabbitmq_*} series in one Prometheus.
 */
public final class ClientMetrics {
    static final String AMQP_PREFIX = "glossa.amqp";

    private ClientMetrics() {}

    /** Binds the pool's meters; a pool that is not HikariCP (none today) is left unmetered. */
    public static void bindPool(DataSource dataSource, MeterRegistry registry) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    /**
     * A collector for every AMQP connection of the process: connections, channels, messages and their acks. The
     * meters are made here rather than by the client so that each has the help text promtool asks for.
     */
    public static MetricsCollector amqp(MeterRegistry registry) {
        return new MicrometerMetricsCollector(metric -> amqpMeter(registry, metric));
    }

    private static Object amqpMeter(MeterRegistry registry, Metrics metric) {
        return switch (metric) {
            case CONNECTIONS -> gauge(registry, "connections", "Open AMQP connections of this process");
            case CHANNELS -> gauge(registry, "channels", "Open AMQP channels of this process");
            case PUBLISHED_MESSAGES -> counter(registry, "published", "Messages this process published");
            case FAILED_TO_PUBLISH_MESSAGES ->
                counter(registry, "failed_to_publish", "Publishes that failed in the client");
            case ACKED_PUBLISHED_MESSAGES ->
                counter(registry, "acknowledged_published", "Published messages the broker confirmed");
            case NACKED_PUBLISHED_MESSAGES ->
                counter(registry, "not_acknowledged_published", "Published messages the broker refused (nack)");
            case UNROUTED_PUBLISHED_MESSAGES ->
                counter(registry, "unrouted_published", "Published messages returned unroutable");
            case CONSUMED_MESSAGES -> counter(registry, "consumed", "Messages delivered to this process");
            case ACKNOWLEDGED_MESSAGES -> counter(registry, "acknowledged", "Deliveries this process acknowledged");
            case REJECTED_MESSAGES -> counter(registry, "rejected", "Deliveries this process rejected or nacked");
            case REQUEUED_MESSAGES -> counter(registry, "requeued", "Deliveries this process sent back to the queue");
        };
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(AMQP_PREFIX + "." + name, value, AtomicLong::get)
                .description(description)
                .strongReference(true)
                .register(registry);
        return value;
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(AMQP_PREFIX + "." + name)
                .description(description)
                .register(registry);
    }
}
