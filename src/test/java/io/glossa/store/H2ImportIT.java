package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.access.ApiKey;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data dir of an earlier glossa (the H2 database, migrated by the same V1-V6 scripts PostgreSQL runs) is imported
 * when this build first opens it: texts with their results and outbox, feedback, keys and models, once.
 */
class H2ImportIT {
    private static final UUID DONE = UUID.fromString("0190a0b0-0000-7000-8000-000000000001");
    private static final UUID PENDING = UUID.fromString("0190a0b0-0000-7000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-11-20T10:15:30.123456Z");

    @TempDir
    Path dataDir;

    @Test
    void anEarlierH2DataDirIsImportedOnceAndKeptAside() throws Exception {
        Path db = StoreSettings.embeddedDirectory(dataDir);
        createEarlierH2Database(db);

        try (JdbcTextStore store = JdbcTextStore.open(StoreSettings.embedded(dataDir, 2))) {
            TextRecord done = store.find(DONE).orElseThrow();
            assertThat(done.status()).isEqualTo(TextStatus.DONE);
            assertThat(done.prediction().language()).isEqualTo("sv");
            assertThat(done.prediction().nativeName()).isEqualTo("Svenska");
            assertThat(done.submittedAt()).isEqualTo(AT);
            assertThat(store.find(PENDING).orElseThrow().status()).isEqualTo(TextStatus.PENDING);
            assertThat(store.unpublished(10)).extracting(Job::id).containsExactly(PENDING);

            List<FeedbackLabel> labels = new JdbcFeedback(store.database(), Clock.systemUTC()).labels(0, 10);
            assertThat(labels).extracting(FeedbackLabel::language).containsExactly("no");
            assertThat(new JdbcApiKeyStore(store.database()).list())
                    .extracting(ApiKey::name)
                    .containsExactly("ops");
            assertThat(new JdbcModelRegistry(store.database(), Clock.systemUTC())
                            .state()
                            .active())
                    .isEqualTo("m1");
        }
        assertThat(db.resolve(H2Import.H2_FILE)).doesNotExist();
        assertThat(db.resolve(H2Import.H2_FILE + H2Import.IMPORTED_SUFFIX)).exists();

        try (JdbcTextStore again = JdbcTextStore.open(StoreSettings.embedded(dataDir, 2))) {
            assertThat(again.counts().total()).as("imported once").isEqualTo(2);
        }
    }

    /** What a data dir of the H2 build held: its schema, by the migrations it ran, and a little of everything. */
    private static void createEarlierH2Database(Path db) throws Exception {
        Files.createDirectories(db);
        String url = "jdbc:h2:file:" + db.resolve("glossa") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
        // the last H2 build ran V1-V6; later versions exist for SQLite and PostgreSQL only
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/postgresql")
                .target("6")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO texts (id, lane, body, status, submitted_at, completed_at, model_version) VALUES "
                    + "('" + DONE + "', 'realtime', 'Hej världen', 'done', TIMESTAMP WITH TIME ZONE '" + AT + "', "
                    + "TIMESTAMP WITH TIME ZONE '" + AT + "', 'm1'), "
                    + "('" + PENDING + "', 'batch', 'Moi maailma', 'pending', TIMESTAMP WITH TIME ZONE '" + AT + "', "
                    + "NULL, NULL)");
            sql.execute(
                    "INSERT INTO results VALUES ('" + DONE + "', 'm1', 'sv', 'Swedish', 'Svenska', 0.97, '[]', 8000, "
                            + "TIMESTAMP WITH TIME ZONE '" + AT + "')");
            sql.execute("INSERT INTO outbox (text_id) VALUES ('" + PENDING + "')");
            sql.execute("INSERT INTO feedback (text_id, language, created_at) VALUES ('" + DONE + "', 'no', "
                    + "TIMESTAMP WITH TIME ZONE '" + AT + "')");
            sql.execute("INSERT INTO api_keys (name, secret_hash, created_at) VALUES ('ops', '" + "a".repeat(64)
                    + "', TIMESTAMP WITH TIME ZONE '" + AT + "')");
            sql.execute("INSERT INTO models VALUES ('m1', '" + "b".repeat(64) + "', 3, X'010203', '{}', 0.9, 'first', "
                    + "TIMESTAMP WITH TIME ZONE '" + AT + "')");
            sql.execute("INSERT INTO model_events (action, version, created_at) VALUES ('activate', 'm1', "
                    + "TIMESTAMP WITH TIME ZONE '" + AT + "')");
        }
    }
}
