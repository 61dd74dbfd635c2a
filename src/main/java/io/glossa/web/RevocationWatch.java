package io.glossa.web;

import io.glossa.concurrent.Threads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends requests that stay open (event streams, long-polls) once the key they came with is revoked. A key is checked
 * only when a request arrives, so without this a stream opened before {@code glossa keys revoke} kept receiving
 * results for as long as it stayed connected (over 60 s when it was found). Every {@link #PERIOD} each open request's
 * key is checked again through the key cache ({@link io.glossa.access.ApiKeys#recheck}), so a revoked key's requests
 * end within the cache period of the revocation, at one database query per key per cache period.
 *
 * <p>The timer thread starts with the first watched request: without required keys there is none.
 */
final class RevocationWatch implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RevocationWatch.class);

    private final Map<Watched, Boolean> watched = new ConcurrentHashMap<>();
    private final Duration period;
    private ScheduledExecutorService timer;
    private volatile java.util.concurrent.ScheduledFuture<?> checks;
    private volatile boolean closed;

    RevocationWatch(Duration period) {
        this.period = period;
    }

    /** A request being watched; close it when the request ends by itself. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code onRevoked} once, on the watch's thread, if {@code key} is revoked before the registration closes. */
    Registration watch(PresentedKey key, Runnable onRevoked) {
        Watched entry = new Watched(key, onRevoked);
        watched.put(entry, Boolean.TRUE);
        startTimer();
        return () -> watched.remove(entry);
    }

    int size() {
        return watched.size();
    }

    /** False once the checks stopped by themselves (an Error in one ends a periodic task for good). */
    boolean alive() {
        java.util.concurrent.ScheduledFuture<?> running = checks;
        return running == null || !running.isDone() || closed;
    }

    private synchronized void startTimer() {
        if (timer == null && !closed) {
            timer = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("key-watch"));
            checks = timer.scheduleWithFixedDelay(
                    this::checkAll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @SuppressWarnings("ModifyCollectionInEnhancedForLoop") // a ConcurrentHashMap key set: its iterator allows removal
    private void checkAll() {
        for (Watched entry : watched.keySet()) {
            try {
                if (entry.key().revoked(period) && watched.remove(entry) != null) {
                    entry.onRevoked().run();
                }
            } catch (RuntimeException e) {
                // the key store is down: leave the request open and ask again next period
                LOG.debug("re-checking an API key failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private record Watched(PresentedKey key, Runnable onRevoked) {
        @Override
        public boolean equals(Object other) {
            return this == other; // each registration is its own, even for the same key
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
