package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.UnknownTextException;
import io.glossa.registry.ReverifyRun;
import io.glossa.registry.ReverifyStore;
import io.glossa.registry.ReverifyTallies;
import io.glossa.registry.Selection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Re-verify runs and answers (migration V6) over JDBC; the report's numbers are counted in SQL. */
final class JdbcReverify implements ReverifyStore {
    private static final String RUN_COLUMNS = "r.id, r.model_version, r.selection, r.total, r.created_at, "
            + "r.finished_at, r.report, (SELECT COUNT(*) FROM reverify_results v WHERE v.run_id = r.id) AS scored";
    /** Each re-scored text beside the prediction its client was shown (the result of the text's model_version). */
    private static final String SCORED = """
            FROM reverify_results v
            JOIN texts t ON t.id = v.text_id
            LEFT JOIN results s ON s.text_id = v.text_id AND s.model_version = t.model_version
            """;

    private static final String AGREEMENT = "SELECT COUNT(*) AS scored, "
            + "COALESCE(SUM(CASE WHEN v.language = s.language THEN 1 ELSE 0 END), 0) AS same " + SCORED
            + "WHERE v.run_id = ?";
    private static final String FEEDBACK = "WITH label AS (" + JdbcComparisons.LABELS + ") SELECT COUNT(*) AS n, "
            + "COALESCE(SUM(CASE WHEN v.language = label.language THEN 1 ELSE 0 END), 0) AS now_correct, "
            + "COALESCE(SUM(CASE WHEN s.language = label.language THEN 1 ELSE 0 END), 0) AS before_correct "
            + SCORED + "JOIN label ON label.text_id = v.text_id WHERE v.run_id = ?";
    private static final String CHANGES = "SELECT s.language AS from_language, v.language AS to_language, "
            + "COUNT(*) AS n " + SCORED + "WHERE v.run_id = ? AND v.language <> s.language "
            + "GROUP BY s.language, v.language ORDER BY n DESC, from_language, to_language";

    private final Transactions transactions;
    private final SqlDialect dialect;
    private final Clock clock;

    public JdbcReverify(Database database, Clock clock) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
        this.clock = clock;
    }

    @Override
    public ReverifyRun create(String modelVersion, String selection) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.write("creating a re-verify run", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reverify_runs (id, model_version, "
                    + "selection, total, created_at) VALUES (?, ?, ?, 0, ?)")) {
                dialect.setUuid(insert, 1, id);
                insert.setString(2, modelVersion);
                insert.setString(3, selection);
                dialect.setInstant(insert, 4, now);
                return insert.executeUpdate();
            }
        });
        return new ReverifyRun(id, modelVersion, selection, 0, 0, now, null, null);
    }

    @Override
    public List<Job> texts(Selection selection, UUID after, int limit) {
        boolean sample = selection.sample() > 0;
        String sql = "SELECT id, body, lane, submitted_at, languages, top_k FROM texts WHERE status = 'done'"
                + (selection.since() == null ? "" : " AND submitted_at >= ?")
                + (sample || after == null ? "" : " AND id > ?")
                + (sample ? " ORDER BY RANDOM() LIMIT ?" : " ORDER BY id LIMIT ?");
        return transactions.read("selecting texts to re-verify", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 1;
                if (selection.since() != null) {
                    dialect.setInstant(select, i++, selection.since());
                }
                if (!sample && after != null) {
                    dialect.setUuid(select, i++, after);
                }
                select.setInt(i, sample ? selection.sample() : limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<Job> jobs = new ArrayList<>();
                    while (rows.next()) {
                        // with the client's question, so the re-verify asks what the client asked
                        jobs.add(new Job(
                                dialect.getUuid(rows, "id"),
                                rows.getString("body"),
                                Lane.fromKey(rows.getString("lane")),
                                dialect.getInstant(rows, "submitted_at"),
                                null,
                                TextRows.question(rows)));
                    }
                    return jobs;
                }
            }
        });
    }

    @Override
    public void setTotal(UUID run, long total) {
        transactions.writeStatement("counting a re-verify run", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE reverify_runs SET total = ? WHERE id = ?")) {
                update.setLong(1, total);
                dialect.setUuid(update, 2, run);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void store(UUID run, Result result) {
        try {
            transactions.writeStatement("storing a re-verify answer", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reverify_results (run_id, "
                        + "text_id, model_version, language, probability, completed_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")) {
                    dialect.setUuid(insert, 1, run);
                    dialect.setUuid(insert, 2, result.id());
                    insert.setString(3, result.modelVersion());
                    insert.setString(4, result.prediction().language());
                    insert.setDouble(5, result.prediction().probability());
                    dialect.setInstant(insert, 6, result.completedAt().truncatedTo(ChronoUnit.MICROS));
                    return insert.executeUpdate();
                }
            });
        } catch (io.glossa.pipeline.StoreUnavailableException e) {
            if (e.getCause() instanceof SQLException sql && new ResultRows(dialect).isUnknownText(sql)) {
                throw new UnknownTextException(result.id());
            }
            throw e;
        }
    }

    @Override
    public Optional<ReverifyRun> find(UUID run) {
        return transactions.read("reading a re-verify run", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM reverify_runs r WHERE r.id = ?")) {
                dialect.setUuid(select, 1, run);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(run(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ReverifyRun> runs(int limit) {
        return transactions.read("listing re-verify runs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + RUN_COLUMNS + " FROM reverify_runs r ORDER BY r.created_at DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<ReverifyRun> runs = new ArrayList<>();
                    while (rows.next()) {
                        runs.add(run(rows));
                    }
                    return runs;
                }
            }
        });
    }

    /** The named columns of the one row {@code sql} gives for {@code run}. */
    private long[] counts(Connection connection, String sql, UUID run, String... columns) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            dialect.setUuid(select, 1, run);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long[] values = new long[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    values[i] = rows.getLong(columns[i]);
                }
                return values;
            }
        }
    }

    @Override
    public ReverifyTallies tallies(UUID run) {
        return transactions.read("counting a re-verify run", connection -> {
            long[] agreement = counts(connection, AGREEMENT, run, "scored", "same");
            long[] feedback = counts(connection, FEEDBACK, run, "n", "now_correct", "before_correct");
            long scored = agreement[0];
            long same = agreement[1];
            long labelled = feedback[0];
            long now = feedback[1];
            long before = feedback[2];
            List<ReverifyTallies.Change> changes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(CHANGES)) {
                dialect.setUuid(select, 1, run);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new ReverifyTallies.Change(
                                rows.getString("from_language"), rows.getString("to_language"), rows.getLong("n")));
                    }
                }
            }
            return new ReverifyTallies(scored, same, labelled, now, before, changes);
        });
    }

    @Override
    public void finish(UUID run, String reportJson, Instant at) {
        transactions.writeStatement("finishing a re-verify run", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE reverify_runs SET finished_at = ?, report = ? WHERE id = ?")) {
                dialect.setInstant(update, 1, at.truncatedTo(ChronoUnit.MICROS));
                update.setString(2, reportJson);
                dialect.setUuid(update, 3, run);
                return update.executeUpdate();
            }
        });
    }

    private ReverifyRun run(ResultSet rows) throws SQLException {
        return new ReverifyRun(
                dialect.getUuid(rows, "id"),
                rows.getString("model_version"),
                rows.getString("selection"),
                rows.getLong("total"),
                rows.getLong("scored"),
                dialect.getInstant(rows, "created_at"),
                dialect.getInstant(rows, "finished_at"),
                rows.getString("report"));
    }
}
