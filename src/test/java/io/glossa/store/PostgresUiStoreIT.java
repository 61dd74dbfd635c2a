package io.glossa.store;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The UI's store kit on PostgreSQL at 127.0.0.1:5432: a database of its own per run, a schema per test. */
class PostgresUiStoreIT extends UiStoreKit {
    private static ScratchPostgres postgres;

    @BeforeAll
    static void createDatabase() throws SQLException {
        postgres = ScratchPostgres.create("glossa_ui_it_", "ui_");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        postgres.drop();
    }

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        return postgres.freshSchema();
    }
}
