package io.glossa.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The exactly-once check of scripts/chaos.sh, run from a test: the ids {@code glossa load --accepted-ids} wrote go
 * into table {@code chaos_accepted}, then scripts/chaos-check.sql (the same file the script runs) counts per id.
 */
final class ExactlyOnceCheck {
    private static final Path SQL = Path.of("scripts", "chaos-check.sql");

    /** One row of scripts/chaos-check.sql; see its header for what each count means. */
    record Counts(
            long accepted,
            long results,
            long missing,
            long duplicated,
            long failed,
            long notStored,
            long repeatedIds,
            long outbox) {
        @Override
        public String toString() {
            return "accepted " + accepted + ", results " + results + ", missing " + missing + ", duplicated "
                    + duplicated
                    + ", failed " + failed + " (accepted without a stored text " + notStored + ", ids answered twice "
                    + repeatedIds + ", outbox left " + outbox + ")";
        }
    }

    private ExactlyOnceCheck() {}

    static void loadAcceptedIds(Connection connection, Path idsFile) throws SQLException, IOException {
        List<String> ids = Files.readAllLines(idsFile).stream()
                .filter(line -> !line.isBlank())
                .toList();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chaos_accepted (id uuid NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chaos_accepted (id) VALUES (?)")) {
            for (String id : ids) {
                insert.setObject(1, UUID.fromString(id));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Waits while results keep arriving (a backlog, redelivered jobs), and gives up after {@code idle} without any new
     * one: what is missing then stays missing.
     */
    static Counts settleAndCount(Connection connection, Duration idle)
            throws SQLException, IOException, InterruptedException {
        long missing = missing(connection);
        long last = missing;
        long since = System.nanoTime();
        while (missing > 0 && System.nanoTime() - since < idle.toNanos()) {
            Thread.sleep(1000);
            missing = missing(connection);
            if (missing < last) {
                last = missing;
                since = System.nanoTime();
            }
        }
        return count(connection);
    }

    static Counts count(Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(Files.readString(SQL))) {
            row.next();
            return new Counts(
                    row.getLong("accepted"),
                    row.getLong("results"),
                    row.getLong("missing"),
                    row.getLong("duplicated"),
                    row.getLong("failed"),
                    row.getLong("not_stored"),
                    row.getLong("repeated_ids"),
                    row.getLong("outbox"));
        }
    }

    private static long missing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT count(*) FROM chaos_accepted a WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.text_id = a.id)")) {
            row.next();
            return row.getLong(1);
        }
    }
}
