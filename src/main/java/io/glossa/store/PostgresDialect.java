package io.glossa.store;

import io.glossa.pipeline.UtcInstants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    /**
     * As ISO-8601 text of no declared type, which the server reads as the column's timestamptz. Why not an
     * OffsetDateTime: the driver builds a GregorianCalendar for every statement that binds one, and with its
     * formatting that was 4.5 % of a worker thread's time at 1,000 texts/s (JFR, BENCHMARKS.md). A year outside
     * 0000–9999 (a user's {@code --since}, say) still goes as an OffsetDateTime: the server does not read ISO text
     * with a signed year.
     */
    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setObject(index, null);
        } else if (UtcInstants.hasFourDigitYear(instant)) {
            statement.setObject(index, UtcInstants.format(instant), Types.OTHER);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
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
