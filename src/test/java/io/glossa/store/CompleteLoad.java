package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextStoreKit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop result load: N threads store BATCH results per call ({@code complete} for one, {@code completeAll} for
 * more, as a worker does per message), each for a different pending job.
 */
final class CompleteLoad {
    record Outcome(int threads, int batch, long results, double seconds, double p50Millis, double p99Millis) {
        double resultsPerSecond() {
            return results / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d threads x %d result(s)/call: %,.0f results/s (%,d in %.1f s; call latency p50 %.2f ms,"
                            + " p99 %.2f ms)",
                    threads, batch, resultsPerSecond(), results, seconds, p50Millis, p99Millis);
        }
    }

    private CompleteLoad() {}

    static Outcome run(TextStore store, List<Job> pending, int threads, int batch, long millis) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Recorder latencies = new Recorder(3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Future<Long>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                long stored = 0;
                for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
                    int i = next.getAndAdd(batch);
                    if (i + batch > pending.size()) {
                        break;
                    }
                    List<Result> results = pending.subList(i, i + batch).stream()
                            .map(job ->
                                    TextStoreKit.result(job.id(), "bench", TextStoreKit.swedish(0.9), Instant.now()))
                            .toList();
                    if (batch == 1) {
                        store.complete(results.get(0));
                    } else {
                        store.completeAll(results);
                    }
                    latencies.recordValue(System.nanoTime() - now);
                    stored += batch;
                }
                return stored;
            }));
        }
        start.countDown();
        long stored = 0;
        for (Future<Long> worker : workers) {
            stored += worker.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        var histogram = latencies.getIntervalHistogram();
        return new Outcome(
                threads,
                batch,
                stored,
                seconds,
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6);
    }
}
