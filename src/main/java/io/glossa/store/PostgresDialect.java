package io.glossa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/** PostgreSQL: native uuid and timestamptz, arrays for sets of ids, SKIP LOCKED for queue claims. */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private PostgresDialect() {}

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
        statement.setObject(index, id);
    }

    @Override
    public UUID getUuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** As TIMESTAMP WITH TIME ZONE: the driver binds no Instant. */
    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public int maxIdsPerStatement() {
        return Integer.MAX_VALUE;
    }

    /** One array parameter: the statement text is the same for any count, so the server keeps one plan. */
    @Override
    public String inIds(String column, int count) {
        return column + " = ANY (?)";
    }

    @Override
    public int setUuids(Connection connection, PreparedStatement statement, int index, Collection<UUID> ids)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("uuid", ids.toArray()));
        return index + 1;
    }

    @Override
    public String skipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    @Override
    public boolean isForeignKeyViolation(SQLException e) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public boolean isOutage(SQLException e) {
        return SqlOutage.isOutage(e);
    }
}
