package io.glossa.store;

import java.time.Clock;

/**
 * Manual experiment behind the accept-writer defaults: {@code java -cp <test classpath> io.glossa.store.AcceptBench
 * (h2:DIR | JDBC_URL) WRITERS THREADS BATCH MILLIS}; WRITERS 0 = one transaction per call.
 */
final class AcceptBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        StoreSettings settings = url.startsWith("h2:") ? StoreSettings.embedded(java.nio.file.Path.of(url.substring(3)), 10)
                : new StoreSettings(url, "postgres", "", 10);
        try (JdbcTextStore store = new JdbcTextStore(Database.open(settings), Clock.systemUTC(),
                StoreTuning.defaults(settings.backend()).withWriters(Integer.parseInt(args[1]), 0))) {
            AcceptLoad.run(store, 2, 1, 500);
            System.out.println("writers=" + args[1] + " " + AcceptLoad.run(store, Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Long.parseLong(args[4])));
        }
    }
}
