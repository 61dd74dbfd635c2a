package io.glossa.client.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matches a load run's accepted texts to their results, times each from its due time, and counts them. A
 * submission's answer and its result event come from different threads in either order. Matching them takes one
 * lock: lock-free, the two could each see the other's entry half-removed and neither count the text (it was then
 * neither completed nor lost: once in 60,000 here).
 */
final class ResultMatching {
    private final Object matching = new Object();
    /** Accepted texts without a result yet: id → due time. */
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    /** Results that arrived before their submission's answer did: id → arrival time, status. */
    private final Map<String, long[]> early = new ConcurrentHashMap<>();

    private final LatencyRecorder endToEnd = new LatencyRecorder();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastResult = new AtomicLong();
    /** Texts due before this (System.nanoTime) belong to the warm-up: checked, not timed. */
    private volatile long measuredFrom = Long.MAX_VALUE;

    void measureFrom(long nanoTime) {
        measuredFrom = nanoTime;
    }

    /** Whether a text due at {@code due} is timed (it is not part of the warm-up). */
    boolean measured(long due) {
        return due >= measuredFrom;
    }

    void onAccepted(String id, long due) {
        synchronized (matching) {
            long[] result = early.remove(id);
            if (result == null) {
                waiting.put(id, due);
                return;
            }
            finish(result[0], due, result[1] == 1);
        }
    }

    void onResult(String id, boolean done, long arrival) {
        synchronized (matching) {
            Long due = waiting.remove(id);
            if (due == null) {
                early.put(id, new long[] {arrival, done ? 1 : 0});
                return;
            }
            finish(arrival, due, done);
        }
    }

    /** A result read by id after the run (the event stream missed it). */
    void resolvedLate(String id, boolean done) {
        Long due = waiting.remove(id);
        if (due != null) {
            finish(System.nanoTime(), due, done);
        }
    }

    private void finish(long arrival, long due, boolean done) {
        if (measured(due)) {
            endToEnd.record(arrival - due);
        }
        (done ? completed : failed).incrementAndGet();
        lastResult.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** Waits while results keep coming; gives up after {@code idle} without a single new result. */
    void drain(Duration idle) throws InterruptedException {
        long idleLimit = idle.toNanos();
        long lastProgress = System.nanoTime();
        long seen = results();
        while (!waiting.isEmpty() && System.nanoTime() - lastProgress < idleLimit) {
            Thread.sleep(20);
            long now = results();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
    }

    List<String> waitingIds() {
        return new ArrayList<>(waiting.keySet());
    }

    int waitingCount() {
        return waiting.size();
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    long results() {
        return completed.get() + failed.get();
    }

    /** System.nanoTime of the last result, 0 before the first. */
    long lastResult() {
        return lastResult.get();
    }

    LoadReport.Latency endToEnd() {
        return endToEnd.summary();
    }
}
