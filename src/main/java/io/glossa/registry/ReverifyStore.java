package io.glossa.registry;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Result;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The port to re-verify runs and their answers, kept apart from the client-visible results. */
public interface ReverifyStore {
    ReverifyRun create(String modelVersion, String selection);

    /**
     * Done texts as batch-lane jobs, id order, after {@code after} (null = from the start); for a sample, one random
     * page of {@code selection.sample()} texts (then {@code after} and {@code limit} are ignored).
     */
    List<Job> texts(Selection selection, UUID after, int limit);

    void setTotal(UUID run, long total);

    /**
     * Idempotent per (run, text).
     * @throws io.glossa.pipeline.UnknownTextException if the run or the text is not in the store
     */
    void store(UUID run, Result result);

    Optional<ReverifyRun> find(UUID run);

    /** Newest first. */
    List<ReverifyRun> runs(int limit);

    ReverifyTallies tallies(UUID run);

    void finish(UUID run, String reportJson, Instant at);
}
