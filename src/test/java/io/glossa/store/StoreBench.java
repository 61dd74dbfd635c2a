package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Manual experiment behind the writer defaults in {@link StoreTuning}:
 * {@code java -cp <test classpath> io.glossa.store.StoreBench (sqlite:DIR | sqlite-full:DIR | JDBC_URL)
 * (accept|complete) WRITERS THREADS MILLIS [BATCH [RATE [LINGER_MS]]]}; sqlite-full: the embedded database with
 * --db-sync full; WRITERS 0 = one transaction per call. accept: BATCH (1) texts per call, as fast as THREADS threads
 * can, or RATE calls a second arriving at random (open loop, THREADS request threads) with the accept linger
 * LINGER_MS (0); on PostgreSQL it also prints commits per text. complete: BATCH (1) results per call.
 */
final class StoreBench {
    private static String cpu(
            Duration jvmBefore,
            Duration pgBefore,
            javax.sql.DataSource dataSource,
            StoreSettings settings,
            long operations)
            throws Exception {
        double jvm = CpuMeter.jvm().minus(jvmBefore).toNanos() / 1e3 / operations;
        double pg = CpuMeter.postgresBackends(dataSource, settings.backend())
                        .minus(pgBefore)
                        .toNanos()
                / 1e3
                / operations;
        return String.format("CPU per op: jvm %.0f us + db %.0f us = %.0f us;", jvm, pg, jvm + pg);
    }

    /** Transactions committed in the bench's database so far (PostgreSQL; -1 elsewhere). */
    private static long commits(javax.sql.DataSource dataSource, StoreSettings settings) throws Exception {
        if (settings.backend() != Backend.POSTGRESQL) {
            return -1;
        }
        // backends report their counts when idle for a while (up to 10 s): wait for the last run's
        Thread.sleep(11_000);
        try (var connection = dataSource.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String commitsPerText(
            long before, javax.sql.DataSource dataSource, StoreSettings settings, long texts) throws Exception {
        if (before < 0) {
            return "";
        }
        // the two statements reading the count commit too: leave them out
        return String.format("; %.2f commits per text", (commits(dataSource, settings) - before - 2) / (double) texts);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        StoreSettings settings = url.startsWith("sqlite:")
                ? StoreSettings.embedded(Path.of(url.substring(7)), 10)
                : url.startsWith("sqlite-full:")
                        ? StoreSettings.embedded(Path.of(url.substring(12)), 10, EmbeddedSync.FULL)
                        : new StoreSettings(url, "postgres", "", 10);
        int writers = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long millis = Long.parseLong(args[4]);
        int batch = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        double rate = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        Duration linger = Duration.ofNanos((long) ((args.length > 7 ? Double.parseDouble(args[7]) : 0) * 1e6));
        StoreTuning tuning = StoreTuning.defaults(settings.backend())
                .withWriters(writers, writers)
                .withAcceptLinger(linger);
        try (JdbcTextStore store = new JdbcTextStore(Database.open(settings), Clock.systemUTC(), tuning)) {
            var dataSource = store.database().dataSource();
            String line;
            long operations;
            if (args[1].equals("accept")) {
                AcceptLoad.run(store, threads, 1, 500); // warm-up; also opens every pooled connection
                long commits = commits(dataSource, settings);
                Duration jvm = CpuMeter.jvm();
                Duration pg = CpuMeter.postgresBackends(dataSource, settings.backend());
                AcceptLoad.Outcome outcome = rate > 0
                        ? AcceptLoad.paced(store, threads, batch, millis, rate)
                        : AcceptLoad.run(store, threads, batch, millis);
                operations = outcome.texts();
                String cpu = cpu(jvm, pg, dataSource, settings, operations);
                line = cpu + " accept writers=" + writers + " linger="
                        + linger.toNanos() / 1e6 + "ms " + outcome
                        + commitsPerText(commits, dataSource, settings, operations);
            } else {
                List<Job> jobs = new ArrayList<>();
                for (int i = 0; i < 60; i++) { // enough pending texts for the run
                    jobs.addAll(store.accept(
                            IntStream.range(0, 1000).mapToObj(n -> "text " + n).toList(), Lane.REALTIME));
                }
                CompleteLoad.run(store, jobs.subList(0, 2000), threads, batch, 500); // warm-up
                Duration jvm = CpuMeter.jvm();
                Duration pg = CpuMeter.postgresBackends(dataSource, settings.backend());
                CompleteLoad.Outcome outcome =
                        CompleteLoad.run(store, jobs.subList(2000, jobs.size()), threads, batch, millis);
                operations = outcome.results();
                line = cpu(jvm, pg, dataSource, settings, operations) + " complete writers=" + writers + " " + outcome;
            }
            System.out.println(line);
        }
    }
}
