package io.glossa.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store kit on PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth): a database with a random name per run,
 * shared by other test runs on the same server, and a fresh schema in it per test; dropped at the end.
 */
class PostgresTextStoreIT extends TextStoreKit {
    static final String SERVER = System.getProperty("glossa.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("glossa.it.postgresUser", "postgres");
    private static final String DATABASE = "glossa_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
        String schema = "kit_" + SCHEMAS.incrementAndGet();
        execute(SERVER + DATABASE, "CREATE SCHEMA " + schema);
        return new StoreSettings(SERVER + DATABASE + "?currentSchema=" + schema, USER, "", StoreSettings.DEFAULT_POOL_SIZE);
    }

    // Identifiers cannot be bound as parameters; these are generated above, never user input.
    private static void execute(String url, String ddl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
