package io.glossa.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from one that refused a statement. SQLSTATE classes: 08 connection
 * exception, 53 insufficient resources (e.g. too many connections), 57P operator intervention (PostgreSQL shutting
 * down or restarting). HikariCP reports "no connection in time" as {@link SQLTransientConnectionException}.
 */
final class SqlOutage {
    private SqlOutage() {}

    static boolean isOutage(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
                return true;
            }
            String state = e.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"))) {
                return true;
            }
            if (e.getCause() instanceof SQLException cause && cause != e && isOutage(cause)) {
                return true;
            }
        }
        return false;
    }
}
