package io.glossa.store;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.UnknownTextException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The text store over JDBC: the embedded H2 database or PostgreSQL, same SQL on both.
 *
 * <p>Outbox claims: {@link #unpublished(int)} claims the rows it returns for this store instance for
 * {@link #DEFAULT_OUTBOX_LEASE}. Other relays (other processes on the same database) skip claimed rows until the
 * lease ends, so concurrent relays do not publish the same jobs; a relay that died is replaced once its lease ends.
 * The same instance gets its own claimed rows back at once, so a relay that retries after a broker failure need not
 * wait. Hence: run one relay loop per store instance.
 */
public final class JdbcTextStore implements TextStore {
    public static final Duration DEFAULT_OUTBOX_LEASE = Duration.ofSeconds(30);

    private final Database database;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration outboxLease;
    private final TimeOrderedIds ids;
    private final UUID relayOwner = UUID.randomUUID();

    public JdbcTextStore(Database database, Clock clock, Duration outboxLease) {
        this.database = database;
        this.transactions = new Transactions(database.dataSource());
        this.clock = clock;
        this.outboxLease = outboxLease;
        this.ids = new TimeOrderedIds(clock);
    }

    /** Opens the database (running migrations) and a store on it that owns and closes it. */
    public static JdbcTextStore open(StoreSettings settings) {
        return new JdbcTextStore(Database.open(settings), Clock.systemUTC(), DEFAULT_OUTBOX_LEASE);
    }

    /**
     * @throws IllegalArgumentException if a text is null or contains a NUL character (PostgreSQL cannot store it;
     *         refused on every backend so both behave alike)
     */
    @Override
    public List<Job> accept(List<String> texts, Lane lane) {
        Objects.requireNonNull(lane, "lane");
        texts.forEach(JdbcTextStore::checkStorable);
        if (texts.isEmpty()) {
            return List.of();
        }
        // Microseconds: what both databases keep, so the returned jobs equal what find() later reads.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Job> jobs = texts.stream().map(text -> new Job(ids.next(), text, lane, now)).toList();
        transactions.write("storing texts", connection -> {
            TextRows.insert(connection, jobs);
            OutboxRows.insert(connection, jobs);
            return null;
        });
        return jobs;
    }

    @Override
    public Optional<TextRecord> find(UUID id) {
        return transactions.read("reading a text", connection -> TextRows.find(connection, id));
    }

    /** The newest texts first, with their current results: for history views. */
    public List<TextRecord> recent(int limit) {
        return transactions.read("reading recent texts", connection -> TextRows.recent(connection, limit));
    }

    @Override
    public List<Job> unpublished(int limit) {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(outboxLease);
        return transactions.write("claiming outbox jobs",
                connection -> OutboxRows.claim(connection, relayOwner, now, leaseEnd, limit));
    }

    @Override
    public void markPublished(Collection<UUID> published) {
        if (published.isEmpty()) {
            return;
        }
        transactions.read("marking jobs published", connection -> {
            OutboxRows.delete(connection, published);
            return null;
        });
    }

    @Override
    public boolean complete(Result result) {
        Objects.requireNonNull(result.prediction(), "prediction");
        Objects.requireNonNull(result.modelVersion(), "modelVersion");
        Objects.requireNonNull(result.completedAt(), "completedAt");
        return transactions.write("storing a result", connection -> {
            if (!insertResult(connection, result)) {
                return false;
            }
            TextRows.markDone(connection, result.id(), result.modelVersion(), result.completedAt());
            return true;
        });
    }

    private static boolean insertResult(java.sql.Connection connection, Result result) throws SQLException {
        try {
            return ResultRows.insert(connection, result);
        } catch (SQLException e) {
            if (ResultRows.isUnknownText(e)) {
                throw new UnknownTextException(result.id());
            }
            throw e;
        }
    }

    /**
     * Marks a pending or failed text failed; a text that already has a result stays done.
     * @throws UnknownTextException if no text has that id
     */
    @Override
    public void fail(UUID id, String reason) {
        Instant now = clock.instant();
        transactions.write("marking a text failed", connection -> {
            if (!TextRows.markFailed(connection, id, reason, now) && !TextRows.exists(connection, id)) {
                throw new UnknownTextException(id);
            }
            return null;
        });
    }

    /** Counts by status and the outbox backlog (full scans: for tests, load checks and dashboards, not per request). */
    public StoreStats counts() {
        return transactions.read("counting texts", connection -> {
            Map<TextStatus, Long> byStatus = TextRows.countByStatus(connection);
            return new StoreStats(byStatus.getOrDefault(TextStatus.PENDING, 0L),
                    byStatus.getOrDefault(TextStatus.DONE, 0L),
                    byStatus.getOrDefault(TextStatus.FAILED, 0L),
                    OutboxRows.count(connection));
        });
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
