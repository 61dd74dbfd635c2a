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
     */
    List<Job> accept(List<String> texts, Lane lane);

    /** As {@link #accept(List, Lane)}, with the client's question stored with each text and carried by its job. */
    default List<Job> accept(List<String> texts, Lane lane, Question question) {
        if (!question.isDefault()) {
            throw new UnsupportedOperationException("this store does not keep questions");
        }
        return accept(texts, lane);
    }

    /**
     * As {@link #accept(List, Lane, Question)} once per idempotency key: a later call with the same key and the same
     * request returns the jobs of the first (nothing new is stored); with another request it throws.
     * @throws IdempotencyConflictException if the key was used for a different request
     */
    default Accepted acceptOnce(List<String> texts, Lane lane, Question question, IdempotencyKey key) {
        throw new UnsupportedOperationException("this store does not keep idempotency keys");
    }

    /**
     * Stores the text of a job that an outside producer published straight to the broker (no API stored it):
     * {@code pending}, with the job's lane, its time of publishing as submission time, and its question; no outbox
     * entry, since the job is in the broker already. Idempotent: an id that exists is left as it is.
     * @return true if this call stored the text
     */
    default boolean adopt(Job job) {
        throw new UnknownTextException(job.id());
    }

    Optional<TextRecord> find(UUID id);

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
