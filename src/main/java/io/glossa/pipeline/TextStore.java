package io.glossa.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The system of record. Implementations: JDBC over the embedded database and PostgreSQL
 * ({@code io.glossa.store}); both must pass the same store kit.
 */
public interface TextStore extends AutoCloseable {
    /**
     * Stores the texts as {@code pending} and an outbox entry for each in ONE transaction,
     * and returns the jobs in input order once committed.
     * @param owner the id of the API key submitting them, or null (keys not required)
     * @param trace the request's trace context, kept with every text's outbox entry so that the relay can send it
     *              with the job; null: none. A store that cannot keep it (the tests' fakes) drops it: a trace is for
     *              reading logs, never needed to answer a text.
     */
    List<Job> accept(List<String> texts, Lane lane, Long owner, TraceContext trace);

    /** {@link #accept(List, Lane, Long, TraceContext)} owned by nobody (no API key), without a trace. */
    default List<Job> accept(List<String> texts, Lane lane) {
        return accept(texts, lane, null, null);
    }

    /** Any text, whoever owns it: for the pipeline itself, never for a client's request. */
    Optional<TextRecord> find(UUID id);

    /** The text if {@code requester} may see it; another key's text is as absent as an unknown id. */
    Optional<TextRecord> find(UUID id, Requester requester);

    /** Committed jobs whose outbox entry is not yet marked published, oldest first. */
    List<Job> unpublished(int limit);

    /** Called after the broker confirmed these jobs. */
    void markPublished(Collection<UUID> ids);

    /**
     * Stores a result idempotently: the first result per (id, model version) wins and later ones change nothing.
     * @return true if this call stored it, false if a result for that id and version already existed
     * @throws UnknownTextException if no text has that id
     */
    boolean complete(Result result);

    /**
     * Stores many results as {@link #complete} does each, in as few transactions as the store can (one, for a
     * multi-job message): an unknown id fails only its own result.
     * @return per result, in order, what storing it did
     */
    default List<Completion> completeAll(List<Result> results) {
        List<Completion> completions = new java.util.ArrayList<>(results.size());
        for (Result result : results) {
            try {
                completions.add(complete(result) ? Completion.STORED : Completion.ALREADY_STORED);
            } catch (UnknownTextException e) {
                completions.add(Completion.UNKNOWN_TEXT);
            }
        }
        return completions;
    }

    /**
     * Retention: deletes up to {@code limit} of the oldest texts submitted before {@code cutoff}, with everything
     * kept about them (results, outbox entry, labels), in one transaction.
     * @return how many texts were deleted; fewer than {@code limit} means none older is left
     */
    int deleteSubmittedBefore(java.time.Instant cutoff, int limit);

    /** Marks a text failed with a reason a user can read (poison jobs). */
    void fail(UUID id, String reason);

    /** A cheap round trip, for readiness. */
    boolean isReady();

    @Override
    void close();
}
