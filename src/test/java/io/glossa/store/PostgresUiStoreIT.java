package io.glossa.store;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UI's store kit on PostgreSQL at 127.0.0.1:5432: a database of its own per run, a schema per test. */
class PostgresUiStoreIT extends JdbcUiStoreKit {
    @RegisterExtension
    static final ScratchPostgres POSTGRES = ScratchPostgres.perClass("glossa_ui_it_", "ui_");

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        return POSTGRES.freshSchema();
    }
}
