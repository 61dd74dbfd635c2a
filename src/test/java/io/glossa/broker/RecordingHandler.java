package io.glossa.broker;

import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.Result;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test handler (our own JobHandler port, not a broker fake): answers Swedish for every text unless told to fail,
 * and records what it saw.
 */
class RecordingHandler implements JobHandler {
    final Queue<Job> handled = new ConcurrentLinkedQueue<>();
    final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<UUID, String> gaveUp = new ConcurrentHashMap<>();

    static Prediction swedish() {
        return new Prediction(
                "sv",
                "Swedish",
                "Svenska",
                0.93,
                List.of(
                        new Candidate("sv", "Swedish", "Svenska", 0.93),
                        new Candidate("no", "Norwegian", "Norsk", 0.05)));
    }

    @Override
    public Result handle(Job job) throws Exception {
        calls.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
        work(job);
        handled.add(job);
        return new Result(job.id(), swedish(), "test-1", Instant.now(), 1_000);
    }

    /** Override to fail or slow down. */
    void work(Job job) throws Exception {}

    @Override
    public void giveUp(Job job, String reason) {
        gaveUp.put(job.id(), reason);
    }

    int calls(UUID id) {
        AtomicInteger n = calls.get(id);
        return n == null ? 0 : n.get();
    }

    boolean handled(UUID id) {
        return handled.stream().anyMatch(j -> j.id().equals(id));
    }
}
