package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A store decorator that groups concurrent {@link #accept} calls and concurrent {@link #complete} calls into one
 * transaction each. Every caller still returns only after its own data is committed, so the guarantees are the
 * store's; what changes is the number of commits (each costs a disk write in H2 and an fsync in PostgreSQL), which
 * is what limits throughput when every text is its own transaction.
 */
public final class GroupCommitStore implements TextStore {
    private record Submission(List<String> texts, Lane lane) {}

    private final TextStore store;
    private final GroupCommitter<Submission, List<Job>> accepts;
    private final GroupCommitter<Result, Boolean> completions;

    public GroupCommitStore(TextStore store, int maxBatch) {
        this.store = store;
        this.accepts = new GroupCommitter<>("glossa-accept-commit", maxBatch, this::acceptAll,
                s -> store.accept(s.texts(), s.lane()));
        this.completions = new GroupCommitter<>("glossa-result-commit", maxBatch, store::completeAll, store::complete);
    }

    @Override
    public List<Job> accept(List<String> texts, Lane lane) {
        return accepts.submit(new Submission(texts, lane));
    }

    /** All submissions of one lane in one accept call, split back per submission. */
    private List<List<Job>> acceptAll(List<Submission> submissions) {
        Map<Lane, List<String>> byLane = new EnumMap<>(Lane.class);
        submissions.forEach(s -> byLane.computeIfAbsent(s.lane(), l -> new ArrayList<>()).addAll(s.texts()));
        Map<Lane, List<Job>> jobs = new EnumMap<>(Lane.class);
        byLane.forEach((lane, texts) -> jobs.put(lane, store.accept(texts, lane)));
        Map<Lane, Integer> next = new EnumMap<>(Lane.class);
        List<List<Job>> answers = new ArrayList<>(submissions.size());
        for (Submission s : submissions) {
            int from = next.getOrDefault(s.lane(), 0);
            answers.add(jobs.get(s.lane()).subList(from, from + s.texts().size()));
            next.put(s.lane(), from + s.texts().size());
        }
        return answers;
    }

    @Override
    public boolean complete(Result result) {
        return completions.submit(result);
    }

    @Override
    public List<Boolean> completeAll(List<Result> results) {
        return store.completeAll(results);
    }

    @Override
    public Optional<TextRecord> find(UUID id) {
        return store.find(id);
    }

    @Override
    public List<Job> unpublished(int limit) {
        return store.unpublished(limit);
    }

    @Override
    public void markPublished(Collection<UUID> ids) {
        store.markPublished(ids);
    }

    @Override
    public void fail(UUID id, String reason) {
        store.fail(id, reason);
    }

    @Override
    public boolean isReady() {
        return store.isReady();
    }

    /** Stops grouping (writes still queued are finished first); the underlying store is closed by its owner. */
    @Override
    public void close() {
        accepts.close();
        completions.close();
    }
}
