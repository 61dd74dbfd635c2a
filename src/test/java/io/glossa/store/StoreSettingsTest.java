package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
    @Test
    void theEmbeddedDatabaseIsASqliteFileUnderTheDataDirSyncedForProcessCrashesByDefault() {
        StoreSettings settings = StoreSettings.embedded(Path.of("/srv/glossa"), 4);

        assertThat(settings.backend()).isEqualTo(Backend.SQLITE);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/glossa/db/glossa.db?synchronous=NORMAL");
        assertThat(settings.sqliteFile()).contains(Path.of("/srv/glossa/db/glossa.db"));
        assertThat(settings.poolSize()).isEqualTo(4);
    }

    @Test
    void fullSyncTravelsInTheUrl() {
        assertThat(StoreSettings.embedded(Path.of("/srv/glossa"), 1, EmbeddedSync.FULL)
                        .jdbcUrl())
                .endsWith("glossa.db?synchronous=FULL");
        assertThat(EmbeddedSync.parse(" Full ")).isEqualTo(EmbeddedSync.FULL);
        assertThatThrownBy(() -> EmbeddedSync.parse("sometimes")).hasMessageContaining("use normal or full");
    }

    @Test
    void relativeDataDirsBecomeAbsolute() {
        assertThat(StoreSettings.embedded(Path.of("glossa-data"), 1).jdbcUrl())
                .startsWith("jdbc:sqlite:" + Path.of("glossa-data").toAbsolutePath());
    }

    @Test
    void passwordsInUrlsAreMaskedInMessagesAndToString() {
        StoreSettings settings = new StoreSettings(
                "jdbc:postgresql://db.example:5432/glossa?user=app&password=hunter2&ssl=true", "app", "s3cret", 5);

        assertThat(settings.redactedUrl())
                .isEqualTo("jdbc:postgresql://db.example:5432/glossa?user=app&password=***&ssl=true");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret");
        assertThat(StoreSettings.redact("jdbc:postgresql://app:hunter2@db/glossa"))
                .doesNotContain("hunter2");
    }

    @Test
    void unsupportedAndMalformedUrlsAreRefusedWithTheUrlAndTheExpectedForm() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:mysql://db/glossa?password=hunter2", null, null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/glossa?password=***")
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new StoreSettings("jdbc:postgresql://db:notaport/glossa", null, null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed PostgreSQL URL jdbc:postgresql://db:notaport/glossa");
        assertThatThrownBy(() -> new StoreSettings("127.0.0.1:5432", null, null, 5))
                .hasMessageContaining("unsupported database URL 127.0.0.1:5432");
    }

    @Test
    void thePoolNeedsAConnection() {
        assertThatThrownBy(() -> StoreSettings.embedded(Path.of("x"), 0)).hasMessageContaining("at least 1");
    }

    @Test
    void theAcceptLingerIsAtMostATenthOfASecond() {
        StoreSettings settings = StoreSettings.embedded(Path.of("x"), 1);

        assertThat(settings.acceptLinger()).isEqualTo(StoreSettings.DEFAULT_ACCEPT_LINGER);
        assertThat(settings.withAcceptLinger(java.time.Duration.ofMillis(100)).acceptLinger())
                .isEqualTo(StoreSettings.MAX_ACCEPT_LINGER);
        assertThatThrownBy(() -> settings.withAcceptLinger(java.time.Duration.ofMillis(101)))
                .hasMessage("the accept linger must be from 0 to 100ms, got 101ms");
        assertThatThrownBy(() -> settings.withAcceptLinger(java.time.Duration.ofMillis(-1)))
                .hasMessageContaining("got -1ms");
    }

    @Test
    void postgresTlsParametersReachTheDriverUntouched() throws Exception {
        String url = "jdbc:postgresql://db.example:5432/glossa?ssl=true&sslmode=verify-full"
                + "&sslrootcert=/etc/glossa/root.crt&sslcert=/etc/glossa/client.crt&sslkey=/etc/glossa/client.pk8";
        StoreSettings settings = new StoreSettings(url, "glossa", "pw", 2);

        assertThat(Database.poolConfig(settings).getJdbcUrl()).isEqualTo(url);
        java.util.Properties driver =
                org.postgresql.Driver.parseURL(Database.poolConfig(settings).getJdbcUrl(), null);
        assertThat(driver)
                .containsEntry("ssl", "true")
                .containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/glossa/root.crt")
                .containsEntry("sslcert", "/etc/glossa/client.crt")
                .containsEntry("sslkey", "/etc/glossa/client.pk8");
    }
}
