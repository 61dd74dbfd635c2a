package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlOutageTest {
    @Test
    void unreachableDatabasesAreOutages() {
        assertThat(SqlOutage.isOutage(new SQLException("Connection refused", "08001")))
                .isTrue();
        assertThat(SqlOutage.isOutage(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(SqlOutage.isOutage(new SQLException("sorry, too many clients already", "53300")))
                .isTrue();
        assertThat(SqlOutage.isOutage(
                        new SQLTransientConnectionException("glossa-store - Connection is not available")))
                .isTrue();
        assertThat(SqlOutage.isOutage(new SQLException("wrapped", null, new SQLException("I/O error", "08006"))))
                .isTrue();
    }

    @Test
    void statementsTheDatabaseRefusedAreNot() {
        assertThat(SqlOutage.isOutage(new SQLIntegrityConstraintViolationException("duplicate key", "23505")))
                .isFalse();
        assertThat(SqlOutage.isOutage(new SQLException("value too long", "22001")))
                .isFalse();
        assertThat(SqlOutage.isOutage(new SQLException("no state"))).isFalse();
    }
}
