package io.glossa.store;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The re-verify kit on PostgreSQL at 127.0.0.1:5432: a database of its own per run, a schema per test. */
class PostgresReverifyStoreIT extends ReverifyStoreKit {
    private static ScratchPostgres postgres;

    @BeforeAll
    static void createDatabase() throws SQLException {
        postgres = ScratchPostgres.create("glossa_rev_it_", "rev_");
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
