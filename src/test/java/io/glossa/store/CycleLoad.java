package io.glossa.store;

import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextStoreKit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A text's whole life in the store at a fixed rate, as the realtime pipeline drives it: accept (one text per call,
 * from several request threads), the relay's mark once "confirmed" (one marker thread, ids confirmed meanwhile
 * together, as {@code PublishedMarker}), then the worker's result (16 worker threads, as {@code serve}). What the
 * store costs per text then depends on how many texts share a transaction at that rate, which a closed loop (as fast
 * as possible) overstates.
 */
final class CycleLoad {
    record Outcome(long texts, double seconds, long completed) {
        @Override
        public String toString() {
            return String.format(
                    "cycle: %,d texts accepted in %.1f s (%,.0f/s), %,d completed",
                    texts, seconds, texts / seconds, completed);
        }
    }

    private CycleLoad() {}

    static Outcome run(TextStore store, int threads, int rate, long millis) throws Exception {
        String text = "Detta är en vanlig mening på svenska. ".repeat(5);
        LinkedBlockingQueue<UUID> confirmed = new LinkedBlockingQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(16);
        ExecutorService requests = Executors.newFixedThreadPool(threads);
        AtomicLong accepted = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.MILLISECONDS.toNanos(millis);
        long interval = TimeUnit.SECONDS.toNanos(1) * threads / rate;
        java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread marker = new Thread(() -> mark(store, confirmed, sending, workers, completed));
        marker.start();
        List<java.util.concurrent.Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long offset = interval * t / threads;
            senders.add(requests.submit(() -> {
                for (long next = begin + offset; next < deadline; next += interval) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    confirmed.add(
                            store.accept(List.of(text), Lane.REALTIME).get(0).id());
                    accepted.incrementAndGet();
                }
                return null;
            }));
        }
        for (var sender : senders) {
            sender.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        requests.shutdown();
        sending.set(false);
        marker.join();
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.MINUTES);
        return new Outcome(accepted.get(), seconds, completed.get());
    }

    private static void mark(
            TextStore store,
            LinkedBlockingQueue<UUID> confirmed,
            java.util.concurrent.atomic.AtomicBoolean sending,
            ExecutorService workers,
            AtomicLong completed) {
        while (sending.get() || !confirmed.isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            try {
                UUID first = confirmed.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                ids.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            confirmed.drainTo(ids, 999);
            store.markPublished(ids);
            for (UUID id : ids) {
                workers.execute(() -> {
                    store.complete(TextStoreKit.result(id, "bench", TextStoreKit.swedish(0.9), Instant.now()));
                    completed.incrementAndGet();
                });
            }
        }
    }
}
