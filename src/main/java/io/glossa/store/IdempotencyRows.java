package io.glossa.store;

import io.glossa.pipeline.IdempotencyKey;
import io.glossa.pipeline.Job;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL on idempotency_keys. The key is claimed first, with ON CONFLICT DO NOTHING, inside the transaction that stores
 * the texts: of two requests with one key, the second waits for the first's commit (PostgreSQL) or its turn (SQLite),
 * inserts nothing, and reads what the first stored.
 */
final class IdempotencyRows {
    private static final String CLAIM = "INSERT INTO idempotency_keys (idem_key, request_sha256, text_ids, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING";
    private static final String FIND = "SELECT request_sha256, text_ids FROM idempotency_keys WHERE idem_key = ?";
    static final String DELETE_OLDER = "DELETE FROM idempotency_keys WHERE created_at < ?";

    /** What the first request under a key stored. */
    record Stored(String requestSha256, List<UUID> ids) {}

    private final SqlDialect sql;

    IdempotencyRows(SqlDialect sql) {
        this.sql = sql;
    }

    /** @return true if the key is now this request's; false if a request stored it before */
    boolean claim(Connection connection, IdempotencyKey key, List<Job> jobs, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, key.key());
            insert.setString(2, key.requestSha256());
            insert.setString(3, jobs.stream().map(job -> job.id().toString()).collect(Collectors.joining(",")));
            sql.setInstant(insert, 4, now);
            return insert.executeUpdate() == 1;
        }
    }

    Optional<Stored> find(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<UUID> ids = Arrays.stream(row.getString("text_ids").split(","))
                        .map(UUID::fromString)
                        .toList();
                return Optional.of(new Stored(row.getString("request_sha256"), ids));
            }
        }
    }

    int deleteOlderThan(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_OLDER)) {
            sql.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}
