package io.glossa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * What differs between the two databases: how ids and instants are bound and read, how a set of ids is matched,
 * how a write transaction begins, and what their errors mean. Everything else is one SQL for both.
 */
sealed interface SqlDialect permits PostgresDialect, SqliteDialect {
    void setUuid(PreparedStatement statement, int index, UUID id) throws SQLException;

    /** @return null for SQL NULL */
    UUID getUuid(ResultSet row, String column) throws SQLException;

    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    /** @return null for SQL NULL */
    Instant getInstant(ResultSet row, String column) throws SQLException;

    /** The most ids one {@link #inIds} condition may hold; callers with more split them. */
    int maxIdsPerStatement();

    /** A condition that {@code column} is one of {@code count} ids, bound by {@link #setUuids}. */
    String inIds(String column, int count);

    /** Binds the ids of {@link #inIds} from {@code index}; @return the next free parameter index */
    int setUuids(Connection connection, PreparedStatement statement, int index, Collection<UUID> ids)
            throws SQLException;

    /** The suffix that lets concurrent claimers of queue rows take disjoint rows, where the database has it. */
    String skipLocked();

    /** Starts a write transaction on an autocommit connection. */
    void begin(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /** A row refers to a parent row that does not exist (a result or label for an unknown text). */
    boolean isForeignKeyViolation(SQLException e);

    /** The database cannot be used now (unreachable, shutting down, locked by another process for too long). */
    boolean isOutage(SQLException e);
}
