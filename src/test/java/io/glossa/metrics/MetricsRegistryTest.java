package io.glossa.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.MetricsCollector;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Process meters under names promtool accepts, and the AMQP client's meters with their help texts. */
class MetricsRegistryTest {
    private final PrometheusMeterRegistry registry = MetricsRegistry.create("test");

    @Test
    void cpuMetersUseNamesPromtoolAccepts() {
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("process_cpu_seconds_total{role=\"test\"}", "system_cpus{role=\"test\"}")
                .doesNotContain("process_cpu_time_ns_total", "system_cpu_count");
    }

    @Test
    void cpuTimeIsInSecondsNotNanoseconds() {
        double cpuSeconds = registry.get("process.cpu").functionCounter().count();
        double uptimeSeconds =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(cpuSeconds)
                .as("this JVM has run code")
                .isPositive()
                .isLessThanOrEqualTo((uptimeSeconds + 1) * cores);
    }

    @Test
    void amqpClientMetersHaveHelpTextsAndCountWhatTheClientReports() {
        MetricsCollector collector = ClientMetrics.amqp(registry);
        collector.basicPublish(null);
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains(
                        "# HELP glossa_amqp_published_total Messages this process published",
                        "glossa_amqp_published_total{role=\"test\"} 1.0",
                        "# HELP glossa_amqp_connections ");
    }
}
