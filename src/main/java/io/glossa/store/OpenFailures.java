package io.glossa.store;

import io.glossa.pipeline.StoreUnavailableException;
import java.sql.SQLException;

/** Turns a failure to open the database into one line that names the URL (never the password) and what to check. */
final class OpenFailures {
    private OpenFailures() {}

    static StoreUnavailableException describe(StoreSettings settings, Throwable failure) {
        String url = settings.redactedUrl();
        SQLException sql = findSqlException(failure);
        String detail =
                firstLine(sql != null ? sql.getMessage() : rootCause(failure).getMessage());
        String advice = advice(settings, sql);
        return new StoreUnavailableException(
                "cannot open database " + url + ": " + detail + " — " + advice, failure, true);
    }

    private static String advice(StoreSettings settings, SQLException sql) {
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (settings.backend() == Backend.SQLITE) {
            return "check that --data-dir is writable and holds a glossa database";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "check --db-user and --db-password (GLOSSA_DB_USER, GLOSSA_DB_PASSWORD)";
        }
        if (state.equals("3D000")) {
            return "create the database or fix its name in --db-url (GLOSSA_DB_URL)";
        }
        return "check that PostgreSQL is running and reachable at the host and port in --db-url (GLOSSA_DB_URL)";
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details from the driver";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
