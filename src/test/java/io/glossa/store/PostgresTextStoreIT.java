package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.pipeline.Job;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store kit on PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth): a database with a random name per run,
 * shared by other test runs on the same server, and a fresh schema in it per test; dropped at the end.
 */
class PostgresTextStoreIT extends JdbcTextStoreKit {
    @RegisterExtension
    static final ScratchPostgres POSTGRES = ScratchPostgres.perClass("glossa_it_", "kit_");

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        return POSTGRES.freshSchema();
    }

    /** V12 re-keys the outbox: jobs that a process of an earlier version left unpublished are still found. */
    @Test
    void pendingOutboxRowsOfAnEarlierVersionSurviveTheMigration() throws SQLException {
        StoreSettings earlier = POSTGRES.freshSchema();
        Flyway.configure()
                .dataSource(earlier.jdbcUrl(), earlier.user(), earlier.password())
                .locations("classpath:db/migration/postgresql")
                .target("11")
                .load()
                .migrate();
        UUID older = UUID.fromString("0190f000-0000-7000-8000-000000000001");
        UUID newer = UUID.fromString("0190f000-0001-7000-8000-000000000002");
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        try (Connection connection = DriverManager.getConnection(earlier.jdbcUrl(), earlier.user(), "");
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO texts (id, lane, body, status, submitted_at) VALUES "
                    + "('" + older + "', 'realtime', 'Hej världen', 'pending', TIMESTAMPTZ '" + START + "'), "
                    + "('" + newer + "', 'batch', 'Moi maailma', 'pending', TIMESTAMPTZ '" + START + "')");
            sql.execute("INSERT INTO outbox (text_id, traceparent) VALUES ('" + older + "', '" + traceparent + "'), ('"
                    + newer + "', NULL)");
        }

        try (JdbcTextStore migrated = JdbcTextStore.open(earlier, Clock.systemUTC())) {
            List<Job> found = migrated.unpublished(10);

            assertThat(found).extracting(Job::id).containsExactly(older, newer);
            assertThat(found.get(0).text()).isEqualTo("Hej världen");
            assertThat(found.get(0).trace().traceparent()).isEqualTo(traceparent);
            migrated.markPublished(List.of(older, newer));
            assertThat(migrated.outboxSize()).isZero();
            assertThat(migrated.accept(List.of("after"), io.glossa.pipeline.Lane.REALTIME))
                    .hasSize(1);
            assertThat(migrated.outboxSize()).isEqualTo(1);
        }
    }
}
