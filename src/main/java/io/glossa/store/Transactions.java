package io.glossa.store;

import io.glossa.pipeline.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/**
 * Runs work on a pooled connection: reads without a transaction, writes as one transaction (or one autocommitted
 * statement) behind the database's write lock, and turns SQL failures into store failures.
 */
final class Transactions {
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Lock writeLock;

    Transactions(Database database) {
        this.dataSource = database.dataSource();
        this.dialect = database.dialect();
        this.writeLock = database.writeLock();
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** One transaction: commits if the work returns, rolls back if it throws anything. */
    <T> T write(String what, SqlWork<T> work) {
        writeLock.lock(); // before the connection: a writer waiting here holds none the lock's owner may need
        try (Connection connection = dataSource.getConnection()) {
            dialect.begin(connection);
            try {
                T value = work.run(connection);
                dialect.commit(connection);
                return value;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** One writing statement, atomic by itself: autocommit saves the BEGIN and COMMIT round trips. */
    <T> T writeStatement(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            return read(what, work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Reads that need no common snapshot, each statement on its own. */
    <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private void rollbackQuietly(Connection connection, Exception cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            cause.addSuppressed(e);
            abort(connection, cause);
        }
    }

    /** A connection whose transaction could not be ended must not go back to the pool still holding it. */
    private static void abort(Connection connection, Exception cause) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private StoreUnavailableException failure(String what, SQLException e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return new StoreUnavailableException("database error while " + what + ": " + message, e, dialect.isOutage(e));
    }
}
