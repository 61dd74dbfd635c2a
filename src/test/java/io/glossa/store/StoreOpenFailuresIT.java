package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be opened gives one line naming the URL (never the password) and what to check. */
class StoreOpenFailuresIT {
    private static final String SERVER = ScratchPostgres.SERVER;

    @Test
    void anUnreachableServer() {
        StoreSettings settings =
                new StoreSettings("jdbc:postgresql://127.0.0.1:1/glossa?password=hunter2", "postgres", "", 1);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n")
                        .doesNotContain("hunter2")
                        .startsWith("cannot open database jdbc:postgresql://127.0.0.1:1/glossa?password=***: ")
                        .contains("check that PostgreSQL is running and reachable"));
    }

    /**
     * The driver acts on TLS parameters in --db-url as given: this server has ssl=off, so verify-full must refuse
     * to connect rather than fall back to plain text (and the message must not show the password in the URL).
     */
    @Test
    void tlsParametersInTheUrlAreHonouredByTheDriver() {
        StoreSettings settings = new StoreSettings(
                SERVER + "postgres?ssl=true&sslmode=verify-full"
                        + "&sslrootcert=/nonexistent/glossa-root.crt&password=pg-secret-77",
                "postgres",
                "",
                1);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .containsIgnoringCase("SSL")
                        .doesNotContain("pg-secret-77")
                        .doesNotContain("\n")
                        .contains("sslmode=verify-full"));
    }

    @Test
    void aMissingDatabase() {
        StoreSettings settings = new StoreSettings(SERVER + "glossa_no_such_db_4711", "postgres", "", 1);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("glossa_no_such_db_4711")
                .hasMessageContaining("create the database or fix its name in --db-url");
    }

    @Test
    void anUnknownUser() {
        StoreSettings settings = new StoreSettings(SERVER + "postgres", "glossa_no_such_user", "x", 1);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("glossa_no_such_user")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anEmbeddedDatabaseThatAnotherProcessHasOpenCanBeOpenedBesideIt(@TempDir Path dataDir) throws Exception {
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AcceptUntilKilled.class.getName(),
                        dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var ids = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
            assertThat(ids.readLine())
                    .as("the other process is accepting texts")
                    .isNotNull();

            String seen = ids.readLine();
            try (JdbcTextStore beside = new JdbcTextStore(
                    Database.open(StoreSettings.embedded(dataDir, 1)),
                    java.time.Clock.systemUTC(),
                    StoreTuning.defaults(Backend.SQLITE))) {
                assertThat(beside.find(java.util.UUID.fromString(seen.split(" ")[0])))
                        .as("its texts, read here")
                        .isPresent();
                assertThat(beside.accept(
                                java.util.List.of("written from a second process"), io.glossa.pipeline.Lane.REALTIME))
                        .hasSize(1);
            }
            assertThat(ids.readLine()).as("the other process still accepts").isNotNull();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void anEmbeddedDataDirThatIsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> Database.open(StoreSettings.embedded(file, 1)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot open database jdbc:sqlite:" + file)
                .hasMessageContaining("check that --data-dir is writable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
