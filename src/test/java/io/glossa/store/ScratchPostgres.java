package io.glossa.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away database on the PostgreSQL at 127.0.0.1:5432 (override with -Dglossa.it.postgres and
 * -Dglossa.it.postgresUser) for one test class, with a fresh schema per test: other builds share the server.
 */
final class ScratchPostgres {
    static final String SERVER = System.getProperty("glossa.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("glossa.it.postgresUser", "postgres");

    private final String database;
    private final String schemaPrefix;
    private final AtomicInteger schemas = new AtomicInteger();

    private ScratchPostgres(String database, String schemaPrefix) {
        this.database = database;
        this.schemaPrefix = schemaPrefix;
    }

    static ScratchPostgres create(String databasePrefix, String schemaPrefix) throws SQLException {
        String database = databasePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(SERVER + "postgres", "CREATE DATABASE " + database);
        return new ScratchPostgres(database, schemaPrefix);
    }

    StoreSettings freshSchema() throws SQLException {
        String schema = schemaPrefix + schemas.incrementAndGet();
        execute(SERVER + database, "CREATE SCHEMA " + schema);
        return new StoreSettings(SERVER + database + "?currentSchema=" + schema, USER, "", StoreSettings.DEFAULT_POOL_SIZE);
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
