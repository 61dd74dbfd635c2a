package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link EmbeddedCrashIT}: accepts texts on 4 threads into the embedded store under the given
 * data dir and prints each id with the time accept() returned (when the API would answer 202), until it is killed.
 */
final class AcceptUntilKilled {
    public static void main(String[] args) {
        JdbcTextStore store = JdbcTextStore.open(StoreSettings.embedded(Path.of(args[0]), 4));
        for (int t = 0; t < 4; t++) {
            int thread = t;
            new Thread(() -> {
                        for (int i = 0; ; i++) {
                            List<Job> jobs = store.accept(List.of("thread " + thread + " text " + i), Lane.REALTIME);
                            synchronized (System.out) {
                                System.out.println(jobs.get(0).id() + " " + System.currentTimeMillis());
                                System.out.flush();
                            }
                        }
                    })
                    .start();
        }
    }
}
