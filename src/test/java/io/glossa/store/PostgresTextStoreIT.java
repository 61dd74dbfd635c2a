package io.glossa.store;

import java.sql.SQLException;
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
}
