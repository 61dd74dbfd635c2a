package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.app.ServeSettings;
import io.glossa.app.WorkerRoleSettings;
import io.glossa.web.AccessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The commands' only job for the roles: flags and defaults in, the app's settings records out. */
class RoleSettingsFromFlagsTest {
    @TempDir
    Path dataDir;

    @BeforeEach
    void noGlossaEnvironment() {
        // GLOSSA_* variables would change the defaults; CI does not set them
        Assumptions.assumeTrue(System.getenv().keySet().stream().noneMatch(k -> k.startsWith("GLOSSA_")));
    }

    @Test
    void serveWithoutFlagsRunsEverythingEmbeddedOnLoopback() {
        ServeSettings settings = serve("--data-dir", dataDir.toString());
        assertThat(settings.store().sqliteFile()).isPresent();
        assertThat(settings.broker().isEmbedded()).isTrue();
        assertThat(settings.broker().embedded().port()).isEqualTo(5673);
        assertThat(settings.broker().embedded().dataDir()).isEqualTo(dataDir);
        assertThat(settings.front().http().host()).isEqualTo("127.0.0.1");
        assertThat(settings.front().http().port()).isEqualTo(8080);
        assertThat(settings.front().http().allowedHosts()).isEqualTo(AccessSettings.LOOPBACK_HOSTS);
        assertThat(settings.front().access().requireApiKey()).isFalse();
        assertThat(settings.front().retention()).contains(Duration.ofDays(30));
        assertThat(settings.worker().topK()).isEqualTo(3);
        assertThat(settings.worker().threads())
                .isEqualTo(8 * Runtime.getRuntime().availableProcessors());
        assertThat(settings.worker().model().file()).isEmpty();
    }

    @Test
    void flagsReachTheirRecords() {
        ServeSettings settings = serve(
                "--data-dir",
                dataDir.toString(),
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--require-api-key",
                "--api-key-cache",
                "0s",
                "--retain",
                "forever",
                "--workers",
                "3",
                "--top-k",
                "5",
                "--max-attempts",
                "2",
                "--jobs-per-message",
                "1",
                "--max-batch",
                "300",
                "--model",
                "m.glossa");
        assertThat(settings.front().http().allowedHosts())
                .as("any Host when not on loopback")
                .containsExactly("*");
        assertThat(settings.front().access().requireApiKey()).isTrue();
        assertThat(settings.front().access().keyCache()).isZero();
        assertThat(settings.front().retention()).isEmpty();
        assertThat(settings.front().http().limits().maxBatchSize()).isEqualTo(300);
        assertThat(settings.worker().threads()).isEqualTo(3);
        assertThat(settings.worker().topK()).isEqualTo(5);
        assertThat(settings.worker().model().file()).contains(Path.of("m.glossa"));
        assertThat(settings.broker().consumer().maxAttempts()).isEqualTo(2);
        assertThat(settings.broker().packing().jobsPerMessage()).isEqualTo(1);
    }

    @Test
    void aBadValueIsAParameterErrorNamingTheFlag() {
        assertThatThrownBy(() -> serve("--data-dir", dataDir.toString(), "--port", "70000"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> serve("--data-dir", dataDir.toString(), "--rate-limit", "fast"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void aWorkerNeedsExternalBackendsAndMayServeMetrics() {
        WorkerCommand worker = new WorkerCommand();
        new CommandLine(worker).parseArgs("--data-dir", dataDir.toString());
        assertThatThrownBy(worker::settings)
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--amqp-uri");

        WorkerCommand external = new WorkerCommand();
        new CommandLine(external)
                .parseArgs(
                        "--amqp-uri",
                        "amqp://127.0.0.1:5672",
                        "--db-url",
                        "jdbc:postgresql://127.0.0.1:5432/glossa",
                        "--metrics-port",
                        "0");
        WorkerRoleSettings settings = external.settings();
        assertThat(settings.broker().isEmbedded()).isFalse();
        assertThat(settings.store().sqliteFile()).isEmpty();
        assertThat(settings.metrics()).isEqualTo(Optional.of(new io.glossa.app.MetricsEndpoint("127.0.0.1", 0)));
    }

    private static ServeSettings serve(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.settings();
    }
}
