package io.glossa.web;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Result;
import io.glossa.registry.ReverifyRun;
import io.glossa.registry.ReverifyStore;
import io.glossa.registry.ReverifyTallies;
import io.glossa.registry.Selection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Two stored runs (one finished with a report, one running) for the re-verify routes; read-only. */
final class FixedReverifyRuns implements ReverifyStore {
    static final UUID FINISHED = UUID.fromString("0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a11");
    static final UUID RUNNING = UUID.fromString("0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a12");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private final List<ReverifyRun> runs = List.of(
            new ReverifyRun(
                    FINISHED,
                    "2027-01-01.c0a9be68",
                    "all",
                    10,
                    10,
                    AT.plusSeconds(60),
                    AT.plusSeconds(90),
                    "{\"run\":\"" + FINISHED
                            + "\",\"agreement\":0.7,\"changes\":[{\"from\":\"da\",\"to\":\"no\",\"count\":1}]}"),
            new ReverifyRun(RUNNING, "2027-01-01.c0a9be68", "sample of 5", 5, 2, AT, null, null));

    @Override
    public Optional<ReverifyRun> find(UUID run) {
        return runs.stream().filter(r -> r.id().equals(run)).findFirst();
    }

    @Override
    public List<ReverifyRun> runs(int limit) {
        return runs.stream().limit(limit).toList();
    }

    @Override
    public ReverifyRun create(String modelVersion, String selection) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<Job> texts(Selection selection, UUID after, int limit) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void setTotal(UUID run, long total) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void store(UUID run, Result result) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public ReverifyTallies tallies(UUID run) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void finish(UUID run, String reportJson, Instant at) {
        throw new UnsupportedOperationException("read-only");
    }
}
