package io.glossa.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A PostgreSQL database of its own for one test run on 127.0.0.1:5432 (user postgres, trust), dropped afterwards. */
final class ScratchDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    static ScratchDatabase create(String purpose) throws SQLException {
        String name =
                ("glossa_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            // A database name cannot be a bind parameter; this one is built from a constant and a UUID only.
            statement.execute("CREATE DATABASE " + name);
        }
        return new ScratchDatabase(name);
    }

    String url() {
        return SERVER + name;
    }

    String user() {
        return "postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", "postgres", "");
    }
}
