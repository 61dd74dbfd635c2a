package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.store.Backend;
import io.glossa.store.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class StoreOptionsTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        StoreOptions store;
    }

    private static StoreOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.store;
    }

    @Test
    void withoutADatabaseUrlTheStoreIsEmbeddedUnderTheDataDir() {
        StoreSettings settings =
                parse("--data-dir", "/srv/glossa", "--db-pool-size", "3").settings();

        assertThat(settings.backend()).isEqualTo(Backend.SQLITE);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/glossa/db/glossa.db?synchronous=NORMAL");
        assertThat(settings.poolSize()).isEqualTo(3);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        StoreOptions options = parse();

        if (System.getenv("GLOSSA_DATA_DIR") == null) {
            assertThat(options.dataDir()).isEqualTo(Path.of("./glossa-data"));
        }
        if (System.getenv("GLOSSA_DB_URL") == null) {
            assertThat(options.embedded()).isTrue();
        }
        if (System.getenv("GLOSSA_DB_POOL_SIZE") == null) {
            assertThat(options.settings().poolSize()).isEqualTo(StoreSettings.DEFAULT_POOL_SIZE);
        }
    }

    @Test
    void aPostgresUrlWithCredentialsFromFlags() {
        StoreSettings settings = parse(
                        "--db-url",
                        "jdbc:postgresql://127.0.0.1:5432/glossa",
                        "--db-user",
                        "app",
                        "--db-password",
                        "hunter2")
                .settings();

        assertThat(settings.backend()).isEqualTo(Backend.POSTGRESQL);
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2");
    }

    @Test
    void aNewDataDirIsReadableByItsOwnerOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("new").resolve("data");
        parse("--data-dir", dataDir.toString()).settings();

        assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theSyncPolicyIsCheckedAndBelongsToTheEmbeddedDatabase() {
        assertThat(parse("--data-dir", "/srv/glossa", "--db-sync", "full")
                        .settings()
                        .jdbcUrl())
                .endsWith("?synchronous=FULL");
        assertThatThrownBy(() -> parse("--db-sync", "often").settings())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'often' is not a sync policy");
        assertThatThrownBy(() -> parse("--db-url", "jdbc:postgresql://127.0.0.1:5432/glossa", "--db-sync", "full")
                        .settings())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("synchronous_commit");
    }

    @Test
    void theAcceptLingerIsADurationOfAtMostATenthOfASecond() {
        assertThat(parse("--data-dir", "/srv/glossa", "--accept-linger", "0")
                        .settings()
                        .acceptLinger())
                .isZero();
        if (System.getenv("GLOSSA_ACCEPT_LINGER") == null) {
            assertThat(parse("--data-dir", "/srv/glossa").settings().acceptLinger())
                    .isEqualTo(java.time.Duration.ofMillis(2));
        }
        assertThatThrownBy(() -> parse("--accept-linger", "soon").settings())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--accept-linger: 'soon' is not a duration");
        assertThatThrownBy(() -> parse("--accept-linger", "1s").settings())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--accept-linger must be at most 100ms, got 1s");
    }

    @Test
    void aMalformedUrlIsAParameterErrorNamingTheUrlWithoutItsPassword() {
        StoreOptions options = parse("--db-url", "postgres://db/glossa?password=hunter2");

        assertThatThrownBy(options::settings)
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("postgres://db/glossa?password=***")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theUsageNeverShowsAPassword() {
        String usage = new CommandLine(new Probe()).getUsageMessage();

        assertThat(usage)
                .contains("--data-dir", "--db-url", "--db-user", "--db-password", "--db-pool-size")
                .contains("./glossa-data");
        String password = System.getenv("GLOSSA_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            assertThat(usage).doesNotContain(password);
        }
    }
}
