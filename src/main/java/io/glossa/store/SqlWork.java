package io.glossa.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements run on one borrowed connection. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
