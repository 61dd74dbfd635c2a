package io.glossa.store;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API key store kit on PostgreSQL at 127.0.0.1:5432: a database of its own per run, a schema per test. */
class PostgresApiKeyStoreIT extends JdbcApiKeyStoreKit {
    @RegisterExtension
    static final ScratchPostgres POSTGRES = ScratchPostgres.perClass("glossa_keys_it_", "keys_");

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        return POSTGRES.freshSchema();
    }
}
