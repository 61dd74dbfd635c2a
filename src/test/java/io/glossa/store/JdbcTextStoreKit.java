package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.Accepted;
import io.glossa.pipeline.Completion;
import io.glossa.pipeline.IdempotencyKey;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Question;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.TextStoreKit;
import io.glossa.pipeline.UnknownTextException;
import io.glossa.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's own kit, on top of the port kit it inherits: what only a database shows (result rows, counts,
 * outbox leases between processes, writer tuning, column limits, migrations, durability, retention of labels and
 * shadow results). A tiny subclass per backend says how to get a fresh, empty database.
 */
abstract class JdbcTextStoreKit extends TextStoreKit {
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected StoreSettings settings;
    private final List<JdbcTextStore> extraStores = new ArrayList<>();

    /** Settings for a new, empty database; called once per test. */
    protected abstract StoreSettings freshDatabase() throws Exception;

    @Override
    protected TextStore freshStore(MutableClock clock) throws Exception {
        settings = freshDatabase();
        return new JdbcTextStore(Database.open(settings), clock, tuning());
    }

    @AfterEach
    void closeExtraStores() {
        extraStores.forEach(JdbcTextStore::close);
    }

    private StoreTuning tuning() {
        return StoreTuning.defaults(settings.backend()).withOutboxLease(LEASE);
    }

    private JdbcTextStore jdbc() {
        return (JdbcTextStore) store;
    }

    /** Another store instance on the same database: another process, or another relay. */
    private JdbcTextStore openStore() {
        JdbcTextStore opened = new JdbcTextStore(Database.open(settings), clock, tuning());
        extraStores.add(opened);
        return opened;
    }

    // --- accept

    @Test
    void acceptRefusesTextsThatCannotBeStoredAndStoresNoneOfTheBatch() {
        assertThatThrownBy(() -> store.accept(List.of("fine", "nul\0inside"), Lane.REALTIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThat(jdbc().counts().total()).isZero();
    }

    @Test
    void idsAreTimeOrderedVersion7Uuids() {
        List<Job> first = store.accept(List.of("a"), Lane.REALTIME);
        clock.advance(Duration.ofMillis(5));
        List<Job> second = store.accept(List.of("b"), Lane.REALTIME);

        assertThat(first.get(0).id().version()).isEqualTo(7);
        assertThat(first.get(0).id().toString()).isLessThan(second.get(0).id().toString());
    }

    @Test
    void countsFollowAcceptPublishCompleteAndFail() {
        assertThat(jdbc().counts()).isEqualTo(new StoreStats(0, 0, 0, 0));
        List<Job> jobs = store.accept(List.of("one", "two", "three"), Lane.REALTIME);
        store.markPublished(List.of(jobs.get(0).id(), jobs.get(1).id()));

        assertThat(jdbc().outboxSize()).as("what glossa_outbox_pending reports").isEqualTo(1);
        assertThat(jdbc().counts())
                .as("publishing does not change the text's status")
                .isEqualTo(new StoreStats(3, 0, 0, 1));

        store.complete(result(jobs.get(0).id(), "v1", swedish(0.9), START));
        store.fail(jobs.get(1).id(), "model crashed on this text");

        assertThat(jdbc().counts()).isEqualTo(new StoreStats(1, 1, 1, 1));
    }

    // --- outbox leases between processes

    @Test
    void anotherRelaySkipsClaimedJobsUntilTheLeaseEnds() {
        List<Job> jobs = store.accept(List.of("a", "b"), Lane.REALTIME);
        JdbcTextStore otherRelay = openStore();

        assertThat(store.unpublished(10)).containsExactlyElementsOf(jobs);
        assertThat(otherRelay.unpublished(10)).as("claimed by the first relay").isEmpty();
        assertThat(store.unpublished(10))
                .as("the owner gets its claims back, e.g. to retry")
                .containsExactlyElementsOf(jobs);

        clock.advance(LEASE.plusSeconds(1));

        assertThat(otherRelay.unpublished(10))
                .as("lease over: the first relay may have died")
                .containsExactlyElementsOf(jobs);
        assertThat(store.unpublished(10)).isEmpty();
    }

    @Test
    void relaysClaimingAtTheSameTimeGetDisjointJobs() throws Exception {
        List<Job> jobs =
                store.accept(IntStream.range(0, 400).mapToObj(i -> "text " + i).toList(), Lane.REALTIME);
        List<JdbcTextStore> relays = List.of(jdbc(), openStore(), openStore(), openStore());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<Job>>> claims = relays.stream()
                .<Callable<List<Job>>>map(relay -> () -> {
                    start.await();
                    List<Job> claimed = new ArrayList<>();
                    for (List<Job> batch = relay.unpublished(25); !batch.isEmpty(); batch = relay.unpublished(25)) {
                        claimed.addAll(batch);
                        relay.markPublished(batch.stream().map(Job::id).toList());
                    }
                    return claimed;
                })
                .toList();

        List<Job> claimed =
                runTogether(claims, start).stream().flatMap(List::stream).toList();

        assertThat(claimed).hasSize(jobs.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(jobs);
        assertThat(jdbc().counts().unpublished()).isZero();
    }

    // --- result rows

    @Test
    void eachModelVersionKeepsOneResultRow() throws SQLException {
        List<Job> jobs = store.accept(List.of("Hej världen", "Moi maailma"), Lane.REALTIME);
        UUID first = jobs.get(0).id();
        store.complete(result(first, "v1", swedish(0.97), START.plusMillis(5)));
        store.complete(result(first, "v1", norwegian(0.6), START.plusMillis(9)));
        assertThat(resultRows(first)).as("a repeat stores no row").isEqualTo(1);

        store.complete(result(first, "v2", swedish(0.97), START.plusSeconds(2)));
        store.completeAll(List.of(
                result(first, "v0", norwegian(0.4), START.plusSeconds(1)),
                result(jobs.get(1).id(), "v1", norwegian(0.7), START.plusSeconds(1))));

        assertThat(resultRows(first)).isEqualTo(3);
        assertThat(resultRows(jobs.get(1).id())).isEqualTo(1);
        assertThat(jdbc().counts()).isEqualTo(new StoreStats(0, 2, 0, 2));
    }

    @Test
    void aResultForAnUnknownIdStoresNoRow() throws SQLException {
        UUID unknown = UUID.randomUUID();

        assertThat(store.completeAll(List.of(result(unknown, "v1", swedish(0.9), START))))
                .containsExactly(Completion.UNKNOWN_TEXT);
        assertThatThrownBy(() -> store.complete(result(unknown, "v1", swedish(0.9), START)))
                .isInstanceOf(UnknownTextException.class);
        assertThat(resultRows(unknown)).isZero();
    }

    @Test
    void concurrentCompletesEachInItsOwnTransactionStoreExactlyOneResult() throws Exception {
        try (JdbcTextStore unshared = new JdbcTextStore(Database.open(settings), clock, tuning().withWriters(0, 0))) {
            completeEachJobFromTwoThreads(unshared);
            assertThat(unshared.counts().done()).isEqualTo(30);
        }
    }

    @Test
    void manyThreadsCompletingOverlappingJobsStoreEachResultOnceWithoutDeadlock() throws Exception {
        try (JdbcTextStore shared = new JdbcTextStore(Database.open(settings), clock, tuning().withWriters(4, 4))) {
            List<Job> jobs = shared.accept(
                    IntStream.range(0, 300).mapToObj(i -> "text " + i).toList(), Lane.REALTIME);
            CountDownLatch start = new CountDownLatch(1);
            // Every job is completed by three threads, in different orders, as redeliveries to several workers would.
            List<Callable<Integer>> workers = IntStream.range(0, 6)
                    .<Callable<Integer>>mapToObj(t -> () -> {
                        start.await();
                        List<Job> mine = new ArrayList<>(jobs.subList((t % 3) * 100, jobs.size()));
                        mine.addAll(jobs.subList(0, (t % 3) * 100));
                        if (t >= 3) {
                            Collections.reverse(mine);
                        }
                        int stored = 0;
                        for (Job job : mine) {
                            stored += shared.complete(result(job.id(), "v1", swedish(0.9), START)) ? 1 : 0;
                        }
                        return stored;
                    })
                    .toList();

            int stored = runTogether(workers, start).stream()
                    .mapToInt(Integer::intValue)
                    .sum();

            assertThat(stored).isEqualTo(jobs.size());
            assertThat(shared.counts()).isEqualTo(new StoreStats(0, jobs.size(), 0, jobs.size()));
        }
    }

    @Override
    protected void checkOneStoredResult(UUID id) throws Exception {
        assertThat(resultRows(id)).isEqualTo(1);
    }

    @Test
    void anUnknownIdInASharedTransactionFailsOnlyItsOwnCall() throws Exception {
        try (JdbcTextStore combining = new JdbcTextStore(Database.open(settings), clock, tuning().withWriters(1, 1))) {
            List<Job> jobs = combining.accept(
                    IntStream.range(0, 200).mapToObj(i -> "text " + i).toList(), Lane.REALTIME);
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<String>> calls = IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(t -> () -> {
                        start.await();
                        StringBuilder outcomes = new StringBuilder();
                        for (int i = t; i < jobs.size(); i += 8) {
                            UUID id = i % 10 == 0
                                    ? UUID.randomUUID()
                                    : jobs.get(i).id();
                            try {
                                outcomes.append(combining.complete(result(id, "v1", swedish(0.9), START)) ? 'S' : 'D');
                            } catch (UnknownTextException e) {
                                outcomes.append('U');
                            }
                        }
                        return outcomes.toString();
                    })
                    .toList();

            String all = String.join("", runTogether(calls, start));

            assertThat(all.chars().filter(c -> c == 'U').count()).isEqualTo(20);
            assertThat(all.chars().filter(c -> c == 'S').count()).isEqualTo(180);
            assertThat(combining.counts()).isEqualTo(new StoreStats(20, 180, 0, 200));
        }
    }

    // --- column limits

    @Test
    void resultsThatDoNotFitTheirColumnsAreRefusedBeforeStoring() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);

        assertThatThrownBy(() -> store.complete(result(job.id(), "v".repeat(65), swedish(0.9), START)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model version");
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(TextStatus.PENDING);
    }

    @Test
    void failKeepsLongReasonsShort() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);

        store.fail(job.id(), "e".repeat(5000));

        assertThat(store.find(job.id()).orElseThrow().error()).hasSize(TextRows.MAX_REASON_LENGTH);
    }

    // --- history

    @Test
    void recentListsTheNewestTextsFirst() {
        Job older = store.accept(List.of("older"), Lane.REALTIME).get(0);
        clock.advance(Duration.ofSeconds(1));
        Job newer = store.accept(List.of("newer"), Lane.REALTIME).get(0);
        store.complete(result(newer.id(), "v1", swedish(0.9), START.plusSeconds(2)));

        List<TextRecord> recent = jdbc().recent(10);

        assertThat(recent).extracting(TextRecord::id).containsExactly(newer.id(), older.id());
        assertThat(recent.get(0).prediction()).isEqualTo(swedish(0.9));
        assertThat(jdbc().recent(1)).extracting(TextRecord::id).containsExactly(newer.id());
    }

    // --- concurrency and durability

    @Test
    void concurrentAcceptsEachInItsOwnTransactionLoseNothing() throws Exception {
        try (JdbcTextStore unshared = new JdbcTextStore(Database.open(settings), clock, tuning().withWriters(0, 0))) {
            int threads = 8;
            int perThread = 150;
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<List<Job>>> writers = IntStream.range(0, threads)
                    .<Callable<List<Job>>>mapToObj(t -> () -> {
                        start.await();
                        List<Job> accepted = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            List<String> texts = i % 10 == 0
                                    ? List.of("t" + t + "-" + i + "a", "t" + t + "-" + i + "b")
                                    : List.of("t" + t + "-" + i);
                            accepted.addAll(unshared.accept(texts, Lane.REALTIME));
                        }
                        return accepted;
                    })
                    .toList();

            List<Job> accepted =
                    runTogether(writers, start).stream().flatMap(List::stream).toList();

            int expected = threads * (perThread + perThread / 10);
            assertThat(accepted).hasSize(expected).extracting(Job::id).doesNotHaveDuplicates();
            assertThat(unshared.counts()).isEqualTo(new StoreStats(expected, 0, 0, expected));
            Set<UUID> inOutbox = new HashSet<>();
            unshared.unpublished(expected + 10).forEach(job -> inOutbox.add(job.id()));
            assertThat(inOutbox)
                    .containsExactlyInAnyOrderElementsOf(
                            accepted.stream().map(Job::id).toList());
        }
    }

    @Test
    void migrationsRerunWhenTheSameDatabaseIsOpenedAgain() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);

        JdbcTextStore second = openStore();

        assertThat(second.find(job.id())).isPresent();
        assertThat(second.complete(result(job.id(), "v1", swedish(0.9), START))).isTrue();
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        Job done = store.accept(List.of("Hej världen"), Lane.REALTIME).get(0);
        Job waiting = store.accept(List.of("still waiting"), Lane.BATCH).get(0);
        store.complete(result(done.id(), "v1", swedish(0.97), START.plusMillis(3)));
        store.close();

        store = openStore();

        TextRecord record = store.find(done.id()).orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.DONE);
        assertThat(record.prediction()).isEqualTo(swedish(0.97));
        assertThat(store.unpublished(10)).containsExactly(done, waiting);
        assertThat(jdbc().counts()).isEqualTo(new StoreStats(1, 1, 0, 2));
    }

    /**
     * Measures accept() and complete() from concurrent callers (the numbers are printed, not asserted: the machine
     * is shared) and checks that every accepted text and every result is stored. Duration per run: -Dglossa.store.benchMillis (default 2000).
     */
    @Test
    void throughputFromConcurrentCallers() throws Exception {
        long millis = Long.getLong("glossa.store.benchMillis", 2000);
        try (JdbcTextStore realClock =
                new JdbcTextStore(Database.open(settings), java.time.Clock.systemUTC(), tuning())) {
            AcceptLoad.run(realClock, 2, 1, 300); // warm-up: JIT, pool, server-side statement preparation
            long before = realClock.counts().total();

            AcceptLoad.Outcome singles = AcceptLoad.run(realClock, 8, 1, millis);
            AcceptLoad.Outcome batches = AcceptLoad.run(realClock, 8, 100, millis);

            List<Job> pending = new ArrayList<>();
            // more than one statement may name (SQLite: 10,000 ids), so the claim splits them
            realClock.unpublished(50_000).forEach(pending::add);
            CompleteLoad.Outcome completes = CompleteLoad.run(realClock, pending, 8, 1, millis);

            System.out.printf("[store kit] %s accept(): %s%n", settings.backend(), singles);
            System.out.printf("[store kit] %s accept(): %s%n", settings.backend(), batches);
            System.out.printf("[store kit] %s complete(): %s%n", settings.backend(), completes);
            StoreStats stats = realClock.counts();
            assertThat(stats.total() - before).isEqualTo(singles.texts() + batches.texts());
            assertThat(stats.done()).isEqualTo(completes.results());
            assertThat(singles.texts()).isPositive();
        }
    }

    // --- retention

    @Override
    protected void addWhatHangsOffAText(Job job) throws SQLException {
        new JdbcFeedback(jdbc().database(), clock).add(job.id(), "sv");
        new JdbcShadowResults(jdbc().database()).store(result(job.id(), "v2", swedish(0.8), START.plusSeconds(1)));
    }

    @Override
    protected void checkNothingLeftOf(Job job) throws SQLException {
        assertThat(resultRows(job.id())).isZero();
        assertThat(new JdbcFeedback(jdbc().database(), clock).labels(0, 10)).isEmpty();
        assertThat(jdbc().counts().total()).as("only the newer text stays").isEqualTo(1);
    }

    // --- idempotency keys across processes

    @Test
    void twoProcessesRacingWithOneNewIdempotencyKeyStoreOneSetOfTexts() throws Exception {
        IdempotencyKey raced = new IdempotencyKey("-:order-18", "c".repeat(64));
        JdbcTextStore other = openStore();
        CountDownLatch go = new CountDownLatch(1);

        List<Accepted> both = runTogether(
                List.of(
                        () -> {
                            go.await();
                            return store.acceptOnce(List.of("fyra"), Lane.REALTIME, Question.DEFAULT, raced);
                        },
                        () -> {
                            go.await();
                            return other.acceptOnce(List.of("fyra"), Lane.REALTIME, Question.DEFAULT, raced);
                        }),
                go);

        assertThat(both).extracting(Accepted::repeated).containsExactlyInAnyOrder(true, false);
        assertThat(both.get(0).jobs().get(0).id())
                .isEqualTo(both.get(1).jobs().get(0).id());
        assertThat(jdbc().counts().pending()).isEqualTo(1);
    }

    // --- helpers

    private int resultRows(UUID id) throws SQLException {
        Database database = jdbc().database();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT COUNT(*) FROM results WHERE text_id = ?")) {
            database.dialect().setUuid(select, 1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
