package io.glossa.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that refuses results for texts starting with POISON: a job that fails on every attempt. */
public final class PoisonTrigger implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT body FROM texts WHERE id = ?")) {
            select.setObject(1, newRow[0]);
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && row.getString(1).startsWith(PipelineKit.POISON)) {
                    throw new SQLException("poisoned by the test");
                }
            }
        }
    }
}
