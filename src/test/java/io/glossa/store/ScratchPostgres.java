package io.glossa.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away database on the PostgreSQL at 127.0.0.1:5432 (override with -Dglossa.it.postgres and
 * -Dglossa.it.postgresUser) for one test class, with a fresh schema per test: other builds share the server.
 * As a JUnit extension ({@code @RegisterExtension static final ScratchPostgres postgres = ScratchPostgres.perClass(..)})
 * it creates the database before the class's tests and drops it after them.
 */
final class ScratchPostgres implements BeforeAllCallback, AfterAllCallback {
    static final String SERVER = System.getProperty("glossa.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("glossa.it.postgresUser", "postgres");

    private final String database;
    private final String schemaPrefix;
    private final AtomicInteger schemas = new AtomicInteger();

    private ScratchPostgres(String databasePrefix, String schemaPrefix) {
        this.database =
                databasePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.schemaPrefix = schemaPrefix;
    }

    /** A database created now; the caller drops it. */
    static ScratchPostgres create(String databasePrefix, String schemaPrefix) throws SQLException {
        ScratchPostgres postgres = new ScratchPostgres(databasePrefix, schemaPrefix);
        postgres.createDatabase();
        return postgres;
    }

    /** A database created before a test class and dropped after it, when registered as its extension. */
    static ScratchPostgres perClass(String databasePrefix, String schemaPrefix) {
        return new ScratchPostgres(databasePrefix, schemaPrefix);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        drop();
    }

    private void createDatabase() throws SQLException {
        execute(SERVER + "postgres", "CREATE DATABASE " + database);
    }

    StoreSettings freshSchema() throws SQLException {
        String schema = schemaPrefix + schemas.incrementAndGet();
        execute(SERVER + database, "CREATE SCHEMA " + schema);
        return new StoreSettings(
                SERVER + database + "?currentSchema=" + schema, USER, "", StoreSettings.DEFAULT_POOL_SIZE);
    }

    void drop() throws SQLException {
        execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    // Identifiers cannot be bound as parameters; these are generated here, never user input.
    private static void execute(String url, String ddl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
