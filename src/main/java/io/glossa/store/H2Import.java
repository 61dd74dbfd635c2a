package io.glossa.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the H2 database of an earlier glossa ({@code <data-dir>/db/glossa.mv.db}) into the embedded SQLite database
 * the first time this build opens that data dir: every table, parents before children, in one transaction. Rows
 * already present are kept (ON CONFLICT DO NOTHING), so an import cut short before the old file was renamed simply
 * runs again. The old file is then renamed, not deleted: the user removes it once satisfied.
 */
final class H2Import {
    private static final Logger LOG = LoggerFactory.getLogger(H2Import.class);
    static final String H2_FILE = "glossa.mv.db";
    static final String IMPORTED_SUFFIX = ".imported";
    /** Parents before children, as the foreign keys require. */
    private static final List<String> TABLES = List.of(
            "texts",
            "results",
            "outbox",
            "feedback",
            "api_keys",
            "models",
            "model_events",
            "model_workers",
            "model_refusals",
            "shadow_results",
            "reverify_runs",
            "reverify_results");

    private static final int ROWS_PER_BATCH = 1_000;

    private H2Import() {}

    /** Imports and renames the old file, if the directory holds one. */
    static void ifPresent(Path directory, Database target) {
        Path old = directory.resolve(H2_FILE);
        if (!Files.isRegularFile(old)) {
            return;
        }
        LOG.info("Importing the H2 database of an earlier glossa ({}) into {}", old, StoreSettings.EMBEDDED_FILE);
        Map<String, Long> counts;
        try (Connection source = DriverManager.getConnection(h2Url(directory), "sa", "")) {
            counts =
                    new Transactions(target).write("importing " + old, into -> copyAll(source, into, target.dialect()));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the H2 database " + old + " of an earlier glossa: "
                            + e.getMessage().lines().findFirst().orElse("")
                            + " — is an earlier glossa still running on "
                            + "this --data-dir? Stop it and start again",
                    e);
        }
        Path renamed = old.resolveSibling(H2_FILE + IMPORTED_SUFFIX);
        try {
            Files.move(old, renamed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("imported " + old + " but could not rename it to " + renamed, e);
        }
        LOG.info("Imported {} from H2; the old file is kept as {} (delete it when satisfied)", counts, renamed);
    }

    private static String h2Url(Path directory) {
        // Read-only, with the options the earlier build opened it with, so identifiers and types read the same.
        return "jdbc:h2:file:" + directory.resolve("glossa") + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;MODE=PostgreSQL"
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=4";
    }

    private static Map<String, Long> copyAll(Connection source, Connection target, SqlDialect dialect)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            if (exists(source, table)) {
                counts.put(table, copy(source, target, dialect, table));
            }
        }
        return counts;
    }

    private static boolean exists(Connection source, String table) throws SQLException {
        try (PreparedStatement select = source.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static long copy(Connection source, Connection target, SqlDialect dialect, String table)
            throws SQLException {
        long copied = 0;
        try (PreparedStatement select = source.prepareStatement("SELECT * FROM " + table);
                ResultSet rows = select.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            StringJoiner marks = new StringJoiner(", ");
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                marks.add("?");
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks
                    + ") ON CONFLICT DO NOTHING";
            try (PreparedStatement into = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        bind(into, i, rows, i, columns.getColumnType(i), dialect);
                    }
                    into.addBatch();
                    if (++copied % ROWS_PER_BATCH == 0) {
                        into.executeBatch();
                    }
                }
                into.executeBatch();
            }
        }
        return copied;
    }

    private static void bind(PreparedStatement into, int index, ResultSet row, int column, int type, SqlDialect dialect)
            throws SQLException {
        Object value = row.getObject(column);
        if (value instanceof UUID id) {
            dialect.setUuid(into, index, id);
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
            dialect.setInstant(into, index, at == null ? null : at.toInstant());
        } else if (value instanceof byte[] bytes) {
            into.setBytes(index, bytes);
        } else {
            into.setObject(index, value);
        }
    }
}
