package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TraceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * SQL on the outbox table. A claim marks rows with an owner and a lease end; on PostgreSQL SKIP LOCKED lets relays
 * that claim at the same moment take disjoint rows instead of waiting for each other (SQLite's write transaction
 * holds the whole file, so claims there take turns). Rows are taken oldest-first by text id: ids are time-ordered
 * ({@link TimeOrderedIds}), so the outbox needs no sequence of its own (PostgreSQL's V12 dropped it: one index and
 * one sequence step less per accepted text).
 */
final class OutboxRows {
    private static final String INSERT = "INSERT INTO outbox (text_id, traceparent) VALUES (?, ?)";
    private static final String CLAIMABLE = """
            SELECT text_id FROM outbox
            WHERE claimed_until IS NULL OR claimed_until < ? OR claim_owner = ?
            ORDER BY text_id LIMIT ?""";
    private static final String CLAIM = "UPDATE outbox SET claim_owner = ?, claimed_until = ? WHERE ";
    private static final String JOBS = """
            SELECT t.id, t.body, t.lane, t.submitted_at, t.languages, t.top_k, t.api_key_id, o.traceparent
            FROM outbox o JOIN texts t ON t.id = o.text_id
            WHERE %s
            ORDER BY o.text_id
            """;
    private static final String DELETE = "DELETE FROM outbox WHERE ";
    private static final String COUNT = "SELECT COUNT(*) FROM outbox";

    private final SqlDialect sql;

    OutboxRows(SqlDialect sql) {
        this.sql = sql;
    }

    void insert(Connection connection, List<Job> jobs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Job job : jobs) {
                sql.setUuid(insert, 1, job.id());
                insert.setString(2, job.trace() == null ? null : job.trace().traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Claims up to {@code limit} rows for {@code owner} until {@code leaseEnd}; returns their jobs, oldest first. */
    List<Job> claim(Connection connection, UUID owner, Instant now, Instant leaseEnd, int limit) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        for (List<UUID> ids : partition(claimableIds(connection, owner, now, limit))) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM + sql.inIds("text_id", ids.size()))) {
                sql.setUuid(claim, 1, owner);
                sql.setInstant(claim, 2, leaseEnd);
                sql.setUuids(connection, claim, 3, ids);
                claim.executeUpdate();
            }
            jobs.addAll(jobs(connection, ids));
        }
        return jobs;
    }

    void delete(Connection connection, Collection<UUID> all) throws SQLException {
        for (List<UUID> ids : partition(List.copyOf(all))) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE + sql.inIds("text_id", ids.size()))) {
                sql.setUuids(connection, delete, 1, ids);
                delete.executeUpdate();
            }
        }
    }

    /** Consecutive slices of at most as many ids as one statement may hold, in order. */
    private List<List<UUID>> partition(List<UUID> ids) {
        int size = sql.maxIdsPerStatement();
        List<List<UUID>> slices = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            slices.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return slices;
    }

    static long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNT);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<UUID> claimableIds(Connection connection, UUID owner, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CLAIMABLE + sql.skipLocked())) {
            sql.setInstant(select, 1, now);
            sql.setUuid(select, 2, owner);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(sql.getUuid(rows, "text_id"));
                }
                return ids;
            }
        }
    }

    private List<Job> jobs(Connection connection, List<UUID> ids) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(JOBS.formatted(sql.inIds("o.text_id", ids.size())))) {
            sql.setUuids(connection, select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                List<Job> jobs = new ArrayList<>();
                while (rows.next()) {
                    // parse, not trust: the column is only ever written from a parsed context, but a row is data
                    jobs.add(new Job(
                            sql.getUuid(rows, "id"),
                            rows.getString("body"),
                            Lane.fromKey(rows.getString("lane")),
                            sql.getInstant(rows, "submitted_at"),
                            null,
                            TextRows.question(rows),
                            TextRows.owner(rows),
                            TraceContext.parse(rows.getString("traceparent"))));
                }
                return jobs;
            }
        }
    }
}
