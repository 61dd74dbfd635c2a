package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.sql.Array;
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
 * SQL on the outbox table. A claim marks rows with an owner and a lease end; SKIP LOCKED lets relays that claim at
 * the same moment take disjoint rows instead of waiting for each other.
 */
final class OutboxRows {
    private static final String INSERT = "INSERT INTO outbox (text_id) VALUES (?)";
    private static final String CLAIMABLE = """
            SELECT text_id FROM outbox
            WHERE claimed_until IS NULL OR claimed_until < ? OR claim_owner = ?
            ORDER BY seq LIMIT ?
            FOR UPDATE SKIP LOCKED
            """;
    private static final String CLAIM = "UPDATE outbox SET claim_owner = ?, claimed_until = ? WHERE text_id = ANY (?)";
    private static final String JOBS = """
            SELECT t.id, t.body, t.lane, t.submitted_at
            FROM outbox o JOIN texts t ON t.id = o.text_id
            WHERE o.text_id = ANY (?)
            ORDER BY o.seq
            """;
    private static final String DELETE = "DELETE FROM outbox WHERE text_id = ANY (?)";
    private static final String COUNT = "SELECT COUNT(*) FROM outbox";

    private OutboxRows() {}

    static void insert(Connection connection, List<Job> jobs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Job job : jobs) {
                insert.setObject(1, job.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Claims up to {@code limit} rows for {@code owner} until {@code leaseEnd}; returns their jobs, oldest first. */
    static List<Job> claim(Connection connection, UUID owner, Instant now, Instant leaseEnd, int limit)
            throws SQLException {
        List<UUID> ids = claimableIds(connection, owner, now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Array idArray = uuidArray(connection, ids);
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setObject(1, owner);
            Timestamps.set(claim, 2, leaseEnd);
            claim.setArray(3, idArray);
            claim.executeUpdate();
        }
        return jobs(connection, idArray);
    }

    static void delete(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, uuidArray(connection, ids));
            delete.executeUpdate();
        }
    }

    static long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNT); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<UUID> claimableIds(Connection connection, UUID owner, Instant now, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CLAIMABLE)) {
            Timestamps.set(select, 1, now);
            select.setObject(2, owner);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }

    private static List<Job> jobs(Connection connection, Array ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(JOBS)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                List<Job> jobs = new ArrayList<>();
                while (rows.next()) {
                    jobs.add(new Job(rows.getObject("id", UUID.class), rows.getString("body"),
                            Lane.fromKey(rows.getString("lane")), Timestamps.get(rows, "submitted_at")));
                }
                return jobs;
            }
        }
    }

    private static Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }
}
