package io.glossa.store;

import io.glossa.pipeline.Accepted;
import io.glossa.pipeline.Completion;
import io.glossa.pipeline.IdempotencyConflictException;
import io.glossa.pipeline.IdempotencyKey;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Question;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.UnknownTextException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The text store over JDBC: the embedded SQLite database or PostgreSQL, same SQL on both (but for
 * {@link SqlDialect}) except for accepting texts, which PostgreSQL does in one statement (one round trip instead of
 * three; SQLite runs in process and has none).
 *
 * <p>Outbox claims: {@link #unpublished(int)} claims the rows it returns for this store instance for the outbox
 * lease. Other relays (other processes on the same database) skip claimed rows until the lease ends, so concurrent
 * relays do not publish the same jobs, and a relay that died is replaced once its lease ends. The same instance gets
 * its own claimed rows back at once, so a relay that retries after a broker failure need not wait. Hence: run one
 * relay loop per store instance.
 */
public final class JdbcTextStore implements TextStore {
    private static final int MAX_JOBS_PER_TRANSACTION = 1000;

    private final Database database;
    private final Transactions transactions;
    private final TextRows textRows;
    private final OutboxRows outboxRows;
    private final Clock clock;
    private final StoreTuning tuning;
    private final TimeOrderedIds ids;
    private final UUID relayOwner = UUID.randomUUID();
    private final Function<List<Job>, Void> commitJobs;
    private final ResultCompletion results;

    public JdbcTextStore(Database database, Clock clock, StoreTuning tuning) {
        this.database = database;
        this.transactions = new Transactions(database);
        this.textRows = new TextRows(database.dialect());
        this.outboxRows = new OutboxRows(database.dialect());
        this.clock = clock;
        this.tuning = tuning;
        this.ids = new TimeOrderedIds(clock);
        this.commitJobs = tuning.acceptWriters() == 0
                ? this::insertJobs
                : new GroupCommit<List<Job>, Void>(
                        tuning.acceptWriters(),
                        MAX_JOBS_PER_TRANSACTION,
                        List::size,
                        tuning.acceptLinger(),
                        this::insertJobBatches)::submit;
        this.results = new ResultCompletion(transactions, tuning);
    }

    /** Opens the database (running migrations) and a store on it, tuned for its backend, that closes it. */
    public static JdbcTextStore open(StoreSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** Connects and migrates with the backend's default tuning; {@code clock} stamps submissions and results. */
    public static JdbcTextStore open(StoreSettings settings, Clock clock) {
        Database database = Database.open(settings);
        return new JdbcTextStore(
                database, clock, StoreTuning.defaults(database.backend()).withAcceptLinger(settings.acceptLinger()));
    }

    /**
     * @throws IllegalArgumentException if a text is null or contains a NUL character (PostgreSQL cannot store it;
     *         refused on every backend so both behave alike); nothing of the call is stored then. The texts share
     *         {@code trace} (one request's): each job holds the same object, not a copy.
     */
    @Override
    public List<Job> accept(List<String> texts, Lane lane, Question question, Long owner, TraceContext trace) {
        List<Job> jobs = newJobs(texts, lane, question, owner, trace);
        if (!jobs.isEmpty()) {
            commitJobs.apply(jobs);
        }
        return jobs;
    }

    /**
     * In one transaction of its own (not shared with other callers' texts, since it may store nothing): claims the
     * key, then stores the texts; or, if the key was claimed before, reads the first request's texts.
     */
    @Override
    public Accepted acceptOnce(
            List<String> texts, Lane lane, Question question, IdempotencyKey key, Long owner, TraceContext trace) {
        List<Job> jobs = newJobs(texts, lane, question, owner, trace);
        IdempotencyRows keys = new IdempotencyRows(database.dialect());
        Optional<IdempotencyRows.Stored> earlier = transactions.write("storing texts", connection -> {
            if (!keys.claim(connection, key, jobs, jobs.get(0).submittedAt())) {
                return keys.find(connection, key.key());
            }
            textRows.insert(connection, jobs);
            outboxRows.insert(connection, jobs);
            return Optional.empty();
        });
        if (earlier.isEmpty()) {
            return new Accepted(jobs, false);
        }
        IdempotencyRows.Stored stored = earlier.get();
        if (!stored.requestSha256().equals(key.requestSha256())) {
            throw new IdempotencyConflictException("the Idempotency-Key was used before for a different request; "
                    + "send the same body as then, or use a new key for a new request");
        }
        return new Accepted(stored.ids().stream().map(this::storedJob).toList(), true);
    }

    /** A text stored by an earlier request, as the job that request returned. */
    private Job storedJob(UUID id) {
        TextRecord record = find(id).orElseThrow(() -> new IdempotencyConflictException("the Idempotency-Key names "
                + "texts that are no longer kept (older than the retention period); use a new key"));
        return new Job(id, "", record.lane(), record.submittedAt());
    }

    private List<Job> newJobs(List<String> texts, Lane lane, Question question, Long owner, TraceContext trace) {
        Objects.requireNonNull(lane, "lane");
        texts.forEach(JdbcTextStore::checkStorable);
        // Microseconds: what both databases keep, so the returned jobs equal what is read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return texts.stream()
                .map(text -> new Job(ids.next(), text, lane, now, null, question, owner, trace))
                .toList();
    }

    @Override
    public boolean adopt(Job job) {
        checkStorable(job.text());
        Job stored = new Job(
                job.id(),
                job.text(),
                job.lane(),
                (job.submittedAt() == null ? clock.instant() : job.submittedAt()).truncatedTo(ChronoUnit.MICROS),
                null,
                job.question());
        return transactions.writeStatement(
                "storing a text published to the broker", connection -> textRows.adopt(connection, stored));
    }

    private Void insertJobs(List<Job> jobs) {
        if (database.backend() == Backend.POSTGRESQL) {
            return transactions.writeStatement("storing texts", connection -> {
                textRows.insertWithOutbox(connection, jobs);
                return null;
            });
        }
        return transactions.write("storing texts", connection -> {
            textRows.insert(connection, jobs);
            outboxRows.insert(connection, jobs);
            return null;
        });
    }

    private List<GroupCommit.Outcome<Void>> insertJobBatches(List<List<Job>> calls) {
        insertJobs(calls.stream().flatMap(List::stream).toList());
        return calls.stream().map(call -> GroupCommit.Outcome.<Void>of(null)).toList();
    }

    @Override
    public Optional<TextRecord> find(UUID id) {
        return transactions.read("reading a text", connection -> textRows.find(connection, id));
    }

    @Override
    public Optional<TextRecord> find(UUID id, Requester requester) {
        return transactions.read("reading a text", connection -> textRows.find(connection, id, requester));
    }

    /** The newest texts first, with their current results: for history views. */
    public List<TextRecord> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return transactions.read("reading recent texts", connection -> textRows.recent(connection, limit));
    }

    @Override
    public List<Job> unpublished(int limit) {
        if (limit < 1) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(tuning.outboxLease());
        return transactions.write(
                "claiming outbox jobs", connection -> outboxRows.claim(connection, relayOwner, now, leaseEnd, limit));
    }

    @Override
    public void markPublished(Collection<UUID> published) {
        if (published.isEmpty()) {
            return;
        }
        transactions.writeStatement("marking jobs published", connection -> {
            outboxRows.delete(connection, published);
            return null;
        });
    }

    /**
     * @throws IllegalArgumentException if the result has a missing part or a value longer than its column
     */
    @Override
    public boolean complete(Result result) {
        return results.complete(result);
    }

    /** One transaction for all (shared with concurrent callers' results when they fit), unless an id is unknown. */
    @Override
    public List<Completion> completeAll(List<Result> batch) {
        return results.completeAll(batch);
    }

    @Override
    public int deleteSubmittedBefore(Instant cutoff, int limit) {
        if (limit < 1) {
            return 0;
        }
        return transactions.write(
                "deleting texts older than the retention period",
                connection -> new RetentionRows(transactions.dialect()).delete(connection, cutoff, limit));
    }

    /**
     * Marks a pending or failed text failed; a text that already has a result stays done.
     * @throws UnknownTextException if no text has that id
     */
    @Override
    public void fail(UUID id, String reason) {
        Instant now = clock.instant();
        transactions.write("marking a text failed", connection -> {
            if (!textRows.markFailed(connection, id, reason, now) && !textRows.exists(connection, id)) {
                throw new UnknownTextException(id);
            }
            return null;
        });
    }

    /** Counts by status and the outbox backlog (full scans: for tests, load checks and dashboards, not per request). */
    public StoreStats counts() {
        return transactions.read("counting texts", connection -> {
            Map<TextStatus, Long> byStatus = textRows.countByStatus(connection);
            return new StoreStats(
                    byStatus.getOrDefault(TextStatus.PENDING, 0L),
                    byStatus.getOrDefault(TextStatus.DONE, 0L),
                    byStatus.getOrDefault(TextStatus.FAILED, 0L),
                    OutboxRows.count(connection));
        });
    }

    /**
     * Committed texts whose job the broker has not confirmed yet: the outbox rows of every process on this database.
     * One COUNT over the outbox, which holds only what is in flight (confirmed rows are deleted).
     */
    public long outboxSize() {
        return transactions.read("counting the outbox", OutboxRows::count);
    }

    @Override
    public boolean isReady() {
        try {
            return transactions.read("checking readiness", connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The database under this store, for other adapters that share it (model registry, feedback). */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }

    private static void checkStorable(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text contains a NUL character (U+0000), which cannot be stored");
        }
    }
}
