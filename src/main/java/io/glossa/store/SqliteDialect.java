package io.glossa.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The embedded SQLite database. Ids are 16-byte blobs (big-endian, so they sort as PostgreSQL's uuid does) and
 * instants are microseconds since the epoch: compact, exact, and compared as integers. SQLite has one writer per
 * file, so a write transaction takes the lock at BEGIN IMMEDIATE instead of upgrading from a read later (which can
 * fail at once with SQLITE_BUSY when another process wrote in between).
 */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();
    // Primary result codes: BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN.
    private static final Set<Integer> OUTAGE_CODES = Set.of(5, 6, 8, 10, 13, 14);
    private static final int CONSTRAINT = 19;

    private SqliteDialect() {}

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.BLOB);
            return;
        }
        statement.setBytes(
                index,
                ByteBuffer.allocate(16)
                        .putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits())
                        .array());
    }

    @Override
    public UUID getUuid(ResultSet row, String column) throws SQLException {
        byte[] bytes = row.getBytes(column);
        if (bytes == null) {
            return null;
        }
        if (bytes.length != 16) {
            throw new SQLException("column " + column + " holds " + bytes.length + " bytes, not a 16-byte id");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(
                    index,
                    Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        if (row.wasNull()) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Well under SQLite's limit of 32,766 parameters per statement. */
    @Override
    public int maxIdsPerStatement() {
        return 10_000;
    }

    @Override
    public String inIds(String column, int count) {
        StringJoiner marks = new StringJoiner(", ", column + " IN (", ")");
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return marks.toString();
    }

    @Override
    public int setUuids(Connection connection, PreparedStatement statement, int index, Collection<UUID> ids)
            throws SQLException {
        int next = index;
        for (UUID id : ids) {
            setUuid(statement, next++, id);
        }
        return next;
    }

    /** Nothing to skip: a write transaction holds the whole file. */
    @Override
    public String skipLocked() {
        return "";
    }

    @Override
    public void begin(Connection connection) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public boolean isForeignKeyViolation(SQLException e) {
        return (e.getErrorCode() & 0xFF) == CONSTRAINT
                && String.valueOf(e.getMessage()).contains("FOREIGN KEY");
    }

    @Override
    public boolean isOutage(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && OUTAGE_CODES.contains(sql.getErrorCode() & 0xFF)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return SqlOutage.isOutage(e);
    }
}
