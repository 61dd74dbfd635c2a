package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.app.TracingSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class TracingOptionsTest {
    @Command(name = "role")
    static final class Role {
        @Mixin
        TracingOptions tracing;
    }

    @Test
    void withoutAnEndpointNothingIsStarted() {
        long exporters = exporterThreads(); // other tests' may still be ending
        assertThat(options().settings("api", Map.of())).isSameAs(TracingSettings.OFF);
        assertThat(options().settings("api", Map.of("OTEL_SERVICE_NAME", "x"))).isSameAs(TracingSettings.OFF);
        assertThat(exporterThreads()).as("no exporter thread started").isLessThanOrEqualTo(exporters);
    }

    @Test
    void theOptionOrTheStandardVariableTurnsExportOn() {
        TracingSettings fromOption =
                options("--otel-endpoint", "http://127.0.0.1:4318").settings("api", Map.of());
        TracingSettings fromEnv = options()
                .settings(
                        "worker",
                        Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT",
                                "http://127.0.0.1:4318",
                                "OTEL_SERVICE_NAME",
                                " glossa-eu "));
        assertThat(fromOption.endpoint()).isPresent();
        assertThat(fromOption.serviceName()).isEqualTo("glossa-api");
        assertThat(fromEnv.endpoint()).isPresent();
        assertThat(fromEnv.serviceName()).isEqualTo("glossa-eu");
    }

    @Test
    void aBadUrlIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> options("--otel-endpoint", "collector:4318").settings("api", Map.of()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--otel-endpoint (env GLOSSA_OTEL_ENDPOINT) must be the http:// or https:// URL");
        assertThatThrownBy(() -> options().settings("api", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://c")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT must be the http:// or https:// URL");
    }

    private static long exporterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("BatchSpanProcessor"))
                .count();
    }

    private static TracingOptions options(String... args) {
        Role role = new Role();
        new CommandLine(role).parseArgs(args);
        return role.tracing;
    }
}
