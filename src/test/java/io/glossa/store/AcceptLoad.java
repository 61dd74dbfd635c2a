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

/**
 * accept() load: closed loop ({@link #run}: N threads call accept with batches of a given size for a while, as fast
 * as they can) or open loop ({@link #paced}: calls arrive at random at a given rate, as requests reach an API).
 */
final class AcceptLoad {
    record Outcome(
            int threads, int batchSize, long texts, long calls, double seconds, double p50Millis, double p99Millis) {
        static Outcome of(int threads, int batchSize, long calls, double seconds, Recorder latencies) {
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
        List<String> batch = texts(batchSize);
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
        return Outcome.of(threads, batchSize, calls, seconds, latencies);
    }

    /**
     * Calls arrive at {@code ratePerSecond} on average, at exponentially spread moments (a fixed seed), and each runs
     * on one of {@code threads} threads (a request thread pool); a call's latency counts from its arrival, so a
     * backlog shows. Arrivals stop after {@code millis}.
     */
    static Outcome paced(TextStore store, int threads, int batchSize, long millis, double ratePerSecond)
            throws Exception {
        List<String> batch = texts(batchSize);
        Recorder latencies = new Recorder(3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.Random random = new java.util.Random(42);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long calls = 0;
        for (long arrival = start; arrival < deadline; calls++) {
            long wait = arrival - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            long arrivedAt = arrival;
            pool.execute(() -> {
                store.accept(batch, Lane.REALTIME);
                latencies.recordValue(System.nanoTime() - arrivedAt);
            });
            arrival += (long) (-Math.log(1 - random.nextDouble()) / ratePerSecond * 1e9);
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return Outcome.of(threads, batchSize, calls, seconds, latencies);
    }

    /** ~300-byte texts, the size the broker measurements used. */
    private static List<String> texts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ("Detta är en vanlig mening på svenska nummer " + i + ". ").repeat(5))
                .toList();
    }
}
