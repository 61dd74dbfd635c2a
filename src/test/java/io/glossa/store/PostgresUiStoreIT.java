package io.glossa.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The UI's store kit on PostgreSQL at 127.0.0.1:5432: a database of its own per run, a schema per test. */
class PostgresUiStoreIT extends UiStoreKit {
    private static final String SERVER = PostgresTextStoreIT.SERVER;
    private static final String USER = PostgresTextStoreIT.USER;
    private static final String DATABASE = "glossa_ui_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @BeforeAll
    static void createDatabase() throws SQLException {
        execute(SERVER + "postgres", "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Override
    protected StoreSettings freshDatabase() throws SQLException {
        String schema = "ui_" + SCHEMAS.incrementAndGet();
        execute(SERVER + DATABASE, "CREATE SCHEMA " + schema);
        return new StoreSettings(SERVER + DATABASE + "?currentSchema=" + schema, USER, "", StoreSettings.DEFAULT_POOL_SIZE);
    }

    // generated identifiers, never user input
    private static void execute(String url, String ddl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
