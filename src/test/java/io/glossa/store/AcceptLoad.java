package io.glossa.store;

import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TextStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.HdrHistogram.Recorder;

/** Closed-loop accept() load: N threads call accept with batches of a given size for a while, as fast as they can. */
final class AcceptLoad {
    record Outcome(
            int threads, int batchSize, long texts, long calls, double seconds, double p50Millis, double p99Millis) {
        double textsPerSecond() {
            return texts / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d threads x %d text(s)/call: %,.0f texts/s (%,d texts, %,d calls in %.1f s; "
                            + "call latency p50 %.2f ms, p99 %.2f ms)",
                    threads, batchSize, textsPerSecond(), texts, calls, seconds, p50Millis, p99Millis);
        }
    }

    private AcceptLoad() {}

    static Outcome run(TextStore store, int threads, int batchSize, long millis) throws Exception {
        // ~300-byte texts, the size the broker measurements used.
        List<String> batch = IntStream.range(0, batchSize)
                .mapToObj(i -> ("Detta är en vanlig mening på svenska nummer " + i + ". ").repeat(5))
                .toList();
        Recorder latencies = new Recorder(3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        long[] startedAt = new long[1];
        List<Future<Long>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                long deadline = startedAt[0] + TimeUnit.MILLISECONDS.toNanos(millis);
                long calls = 0;
                for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
                    store.accept(batch, Lane.REALTIME);
                    latencies.recordValue(System.nanoTime() - now);
                    calls++;
                }
                return calls;
            }));
        }
        startedAt[0] = System.nanoTime();
        start.countDown();
        long calls = 0;
        for (Future<Long> worker : workers) {
            calls += worker.get();
        }
        double seconds = (System.nanoTime() - startedAt[0]) / 1e9;
        pool.shutdown();
        var histogram = latencies.getIntervalHistogram();
        return new Outcome(
                threads,
                batchSize,
                calls * batchSize,
                calls,
                seconds,
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6);
    }
}
