package io.glossa.store;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The re-verify kit on PostgreSQL at 127.0.0.1:5432: a database of its own per run, a schema per test. */
class PostgresReverifyStoreIT extends JdbcReverifyStoreKit {
    @RegisterExtension
    static final ScratchPostgres POSTGRES = ScratchPostgres.perClass("glossa_rev_it_", "rev_");

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        return POSTGRES.freshSchema();
    }
}
