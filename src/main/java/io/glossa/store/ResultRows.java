package io.glossa.store;

import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/** SQL on the results table: at most one row per (text, model version), the first writer wins. */
final class ResultRows {
    // ON CONFLICT DO NOTHING, on both databases. A concurrent second insert waits for the first transaction (SQLite:
    // for the file's write lock) and then inserts nothing, so two deliveries of one job cannot both store a result.
    // INSERT ... SELECT rather than VALUES: the PostgreSQL driver rewrites batched INSERT ... VALUES statements into
    // one multi-row statement and then no longer reports which rows were inserted; this form keeps per-row counts.
    private static final String INSERT = """
            INSERT INTO results (text_id, model_version, language, name, native_name, probability, top_k,
                                 predict_nanos, completed_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
            ON CONFLICT DO NOTHING
            """;

    private final SqlDialect sql;

    ResultRows(SqlDialect sql) {
        this.sql = sql;
    }

    /** Refuses results that cannot be stored, before they join a transaction with others. */
    static void check(Result result) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(result.id(), "result id");
        Objects.requireNonNull(result.completedAt(), "result completedAt");
        Objects.requireNonNull(result.modelVersion(), "result modelVersion");
        Prediction prediction = Objects.requireNonNull(result.prediction(), "result prediction");
        Objects.requireNonNull(prediction.language(), "prediction language");
        fits("model version", result.modelVersion(), 64);
        fits("language", prediction.language(), 16);
        fits("name", prediction.name(), 100);
        fits("native name", prediction.nativeName(), 100);
    }

    private static void fits(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters: " + value);
        }
    }

    /** @return true if this call stored the result */
    boolean insert(Connection connection, Result result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, result);
            return insert.executeUpdate() == 1;
        }
    }

    /** One batch (one round trip on PostgreSQL); @return per result, whether this call stored it */
    boolean[] insertAll(Connection connection, List<Result> results) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Result result : results) {
                bind(insert, result);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            boolean[] inserted = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("the JDBC driver did not report which results were inserted");
                }
                inserted[i] = counts[i] == 1;
            }
            return inserted;
        }
    }

    private void bind(PreparedStatement insert, Result result) throws SQLException {
        Prediction prediction = result.prediction();
        sql.setUuid(insert, 1, result.id());
        insert.setString(2, result.modelVersion());
        insert.setString(3, prediction.language());
        insert.setString(4, prediction.name());
        insert.setString(5, prediction.nativeName());
        insert.setDouble(6, prediction.probability());
        insert.setString(7, TopCandidatesJson.write(prediction.top()));
        insert.setLong(8, result.predictNanos());
        sql.setInstant(insert, 9, result.completedAt());
    }

    /** A result for an unknown text: the foreign key to texts failed (directly, or in a batch's chain). */
    boolean isUnknownText(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException failure) {
                for (SQLException next = failure; next != null; next = next.getNextException()) {
                    if (sql.isForeignKeyViolation(next)) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
