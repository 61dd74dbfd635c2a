package io.glossa.store;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@code train/evaluate --feedback} on PostgreSQL at 127.0.0.1:5432: a database of its own, a schema per test. */
class PostgresFeedbackCommandsIT extends FeedbackCommandsKit {
    private static ScratchPostgres postgres;

    @BeforeAll
    static void createDatabase() throws SQLException {
        postgres = ScratchPostgres.create("glossa_feedback_it_", "fb_");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        postgres.drop();
    }

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        return postgres.freshSchema();
    }

    @Override
    protected List<String> storeArgs(StoreSettings settings) {
        return List.of("--db-url", settings.jdbcUrl(), "--db-user", ScratchPostgres.USER);
    }
}
