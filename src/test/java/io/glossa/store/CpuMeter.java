package io.glossa.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * CPU time spent by this JVM and by the PostgreSQL backends serving this store (Linux /proc): on a machine shared
 * with other busy processes, CPU per operation is a steadier measure than operations per second.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuMeter() {}

    static Duration jvm() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Sum over the backends of this database's connections named "glossa"; zero for the embedded database. */
    static Duration postgresBackends(DataSource dataSource, Backend backend) throws SQLException, IOException {
        if (backend != Backend.POSTGRESQL) {
            return Duration.ZERO;
        }
        List<Integer> pids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND application_name = 'glossa'")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        long ticks = 0;
        for (int pid : pids) {
            Path stat = Path.of("/proc", Integer.toString(pid), "stat");
            if (Files.exists(stat)) {
                String[] fields = Files.readString(stat)
                        .substring(Files.readString(stat).lastIndexOf(')') + 2)
                        .split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            }
        }
        return Duration.ofMillis(Math.round(ticks * 1000 / TICKS_PER_SECOND));
    }
}
