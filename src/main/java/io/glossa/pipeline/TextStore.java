package io.glossa.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The system of record. Implementations: JDBC over the embedded database and PostgreSQL
 * ({@code io.glossa.store}); both, and the tests' in-memory fake, pass the same port kit (TextStoreKit).
 */
public interface TextStore extends AutoCloseable {
    /**
     * Stores the texts as {@code pending} and an outbox entry for each in ONE transaction,
     * and returns the jobs in input order once committed.
     * @param question the client's candidate languages and top-k, stored with each text and carried by its job
     * @param owner the id of the API key submitting them, or null (keys not required)
     * @param trace the request's trace context, kept with every text's outbox entry so that the relay can send it
     *              with the job; null: none. A trace is for reading logs, never needed to answer a text, but the relay
     *              must find it again after a restart or in another process.
     */
    List<Job> accept(List<String> texts, Lane lane, Question question, Long owner, TraceContext trace);

    /** {@link #accept(List, Lane, Question, Long, TraceContext)}: the default question, no owner, no trace. */
    default List<Job> accept(List<String> texts, Lane lane) {
        return accept(texts, lane, Question.DEFAULT, null, null);
    }

    /** With the client's question stored with each text and carried by its job; no owner, no trace. */
    default List<Job> accept(List<String> texts, Lane lane, Question question) {
        return accept(texts, lane, question, null, null);
    }

    /** The default question, for {@code owner} with {@code trace}. */
    default List<Job> accept(List<String> texts, Lane lane, Long owner, TraceContext trace) {
        return accept(texts, lane, Question.DEFAULT, owner, trace);
    }

    /**
     * As {@link #accept(List, Lane, Question, Long, TraceContext)} once per idempotency key: a later call with the
     * same key and the same request returns the jobs of the first (nothing new is stored); with another request it
     * throws.
     * @throws IdempotencyConflictException if the key was used for a different request
     */
    default Accepted acceptOnce(
            List<String> texts, Lane lane, Question question, IdempotencyKey key, Long owner, TraceContext trace) {
        throw new UnsupportedOperationException("this store does not keep idempotency keys");
    }

    /** {@link #acceptOnce(List, Lane, Question, IdempotencyKey, Long, TraceContext)} without owner or trace. */
    default Accepted acceptOnce(List<String> texts, Lane lane, Question question, IdempotencyKey key) {
        return acceptOnce(texts, lane, question, key, null, null);
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
