package io.glossa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deletes the oldest texts and every row that refers to them, children first as the foreign keys require. The
 * oldest are found on the index on submitted_at; the children by their own indexes on text_id.
 */
final class RetentionRows {
    private static final String OLDEST = "SELECT id FROM texts WHERE submitted_at < ? ORDER BY submitted_at LIMIT ?";
    /** Every table with a foreign key to texts, then texts itself. */
    private static final List<String> TABLES_BY_TEXT =
            List.of("feedback", "shadow_results", "reverify_results", "results", "outbox");

    private final SqlDialect sql;

    RetentionRows(SqlDialect sql) {
        this.sql = sql;
    }

    int delete(Connection connection, Instant cutoff, int limit) throws SQLException {
        // the idempotency keys of requests as old as the texts: no use once those are gone (an indexed range)
        new IdempotencyRows(sql).deleteOlderThan(connection, cutoff);
        List<UUID> ids = oldest(connection, cutoff, limit);
        if (ids.isEmpty()) {
            return 0;
        }
        for (String table : TABLES_BY_TEXT) {
            deleteWhere(connection, "DELETE FROM " + table + " WHERE " + sql.inIds("text_id", ids.size()), ids);
        }
        deleteWhere(connection, "DELETE FROM texts WHERE " + sql.inIds("id", ids.size()), ids);
        return ids.size();
    }

    private List<UUID> oldest(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OLDEST)) {
            sql.setInstant(select, 1, cutoff);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(sql.getUuid(rows, "id"));
                }
                return ids;
            }
        }
    }

    private void deleteWhere(Connection connection, String statement, List<UUID> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(statement)) {
            sql.setUuids(connection, delete, 1, ids);
            delete.executeUpdate();
        }
    }
}
