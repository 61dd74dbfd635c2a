package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link TextStore} compatibility kit: every behaviour the pipeline relies on, written against the port and run
 * unchanged against each implementation (the JDBC store on both backends, the in-memory fake) by a subclass that
 * says how to open a store on a fresh, empty system of record. What only a database can show (row counts, leases
 * between processes, migrations) is in the adapter's own kit, {@code io.glossa.store.JdbcTextStoreKit}.
 */
public abstract class TextStoreKit {
    protected static final Instant START = Instant.parse("2026-01-01T10:00:00.123456Z");

    protected MutableClock clock;
    protected TextStore store;

    /** A store on a new, empty system of record that reads the time from {@code clock}; called once per test. */
    protected abstract TextStore freshStore(MutableClock clock) throws Exception;

    @BeforeEach
    void openFreshStore() throws Exception {
        clock = new MutableClock(START);
        store = freshStore(clock);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // --- accept and find

    @Test
    void acceptReturnsJobsInInputOrderAndStoresThemPending() {
        List<Job> jobs = store.accept(List.of("Hej världen, hur mår du?", "日本語のテキスト", "👋🏽 bye"), Lane.REALTIME);

        assertThat(jobs).extracting(Job::text).containsExactly("Hej världen, hur mår du?", "日本語のテキスト", "👋🏽 bye");
        assertThat(jobs).extracting(Job::lane).containsOnly(Lane.REALTIME);
        assertThat(jobs).extracting(Job::id).doesNotHaveDuplicates();
        for (Job job : jobs) {
            TextRecord record = store.find(job.id()).orElseThrow();
            assertThat(record.status()).isEqualTo(TextStatus.PENDING);
            assertThat(record.lane()).isEqualTo(Lane.REALTIME);
            assertThat(record.submittedAt())
                    .isEqualTo(job.submittedAt())
                    .isEqualTo(START.truncatedTo(ChronoUnit.MICROS));
            assertThat(record.prediction()).isNull();
            assertThat(record.modelVersion()).isNull();
            assertThat(record.completedAt()).isNull();
            assertThat(record.error()).isNull();
        }
    }

    @Test
    void textsThatLookLikeSqlArraySyntaxRoundTripUnchanged() {
        // PostgreSQL receives a batch as arrays: quoting in their text form must not change a text
        List<String> texts = List.of(
                "\"quoted\", she said",
                "back\\slash \\\" and \\\\",
                "{braces}, {a,b}",
                "NULL",
                "  spaced  ",
                "tab\tand\nnewline",
                "'single' quotes; DROP TABLE texts; --");

        List<Job> jobs = store.accept(texts, Lane.REALTIME);

        assertThat(store.unpublished(texts.size())).containsExactlyElementsOf(jobs);
    }

    @Test
    void acceptKeepsTheLane() {
        Job job = store.accept(List.of("une phrase en français"), Lane.BATCH).get(0);

        assertThat(store.find(job.id()).orElseThrow().lane()).isEqualTo(Lane.BATCH);
        assertThat(store.unpublished(10)).containsExactly(job);
    }

    @Test
    void theRequestsTraceContextIsKeptWithTheOutboxEntry() {
        TraceContext trace = TraceContext.continueOrStart("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        List<Job> traced = store.accept(List.of("Hej, hur mår du?", "Tere hommikust"), Lane.BATCH, null, trace);
        Job untraced = store.accept(List.of("Dobrý den"), Lane.REALTIME).get(0);
        Job tracedAlone = store.accept(List.of("Guten Morgen"), Lane.REALTIME, null, trace)
                .get(0);

        assertThat(traced).extracting(Job::trace).containsOnly(trace);
        assertThat(untraced.trace()).isNull();
        // what the relay reads back (after a restart, or in another API process) is what the request gave
        assertThat(store.unpublished(10))
                .containsExactlyInAnyOrder(traced.get(0), traced.get(1), untraced, tracedAlone)
                .filteredOn(job -> job.trace() != null)
                .extracting(job -> job.trace().traceparent())
                .containsOnly(trace.traceparent());
    }

    @Test
    void acceptOfNothingStoresNothing() {
        assertThat(store.accept(List.of(), Lane.REALTIME)).isEmpty();
        assertThat(store.unpublished(10)).isEmpty();
    }

    @Test
    void textsOfAHundredKilobytesRoundTripUnchanged() {
        String big = "å".repeat(50_000) + "x".repeat(50_000);

        Job job = store.accept(List.of(big), Lane.REALTIME).get(0);

        assertThat(store.unpublished(1)).singleElement().extracting(Job::text).isEqualTo(big);
        assertThat(job.text()).isEqualTo(big);
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        assertThat(store.find(UUID.randomUUID())).isEmpty();
        assertThat(store.find(UUID.randomUUID(), Requester.UNKEYED)).isEmpty();
    }

    @Test
    void aKeyFindsOnlyItsOwnTextsAndTheOwnerTravelsWithTheJob() {
        Job alices = store.accept(List.of("alice private: my bank PIN is 4711"), Lane.REALTIME, 1L, null)
                .get(0);
        List<Job> bobs = store.accept(List.of("bob one", "bob two"), Lane.BATCH, 2L, null);
        Job nobodys = store.accept(List.of("sent without a key"), Lane.REALTIME).get(0);
        Requester alice = Requester.key(1, false);
        Requester bob = Requester.key(2, false);
        Requester admin = Requester.key(3, true);

        assertThat(alices.owner()).isEqualTo(1L);
        assertThat(store.find(alices.id(), alice)).map(TextRecord::id).contains(alices.id());
        assertThat(store.find(alices.id(), bob))
                .as("another key's text is as absent as an unknown id")
                .isEmpty();
        assertThat(store.find(bobs.get(1).id(), bob)).isPresent();
        assertThat(store.find(nobodys.id(), alice))
                .as("a text without an owner is no key's")
                .isEmpty();
        for (Job job : List.of(alices, bobs.get(0), nobodys)) {
            assertThat(store.find(job.id(), admin))
                    .as("an admin key sees every text")
                    .isPresent();
            assertThat(store.find(job.id(), Requester.UNKEYED))
                    .as("so does an API without keys")
                    .isPresent();
        }
        assertThat(store.unpublished(10))
                .as("the relay publishes each job with its owner")
                .extracting(Job::owner)
                .containsExactly(1L, 2L, 2L, null);

        store.complete(result(alices.id(), "v1", swedish(0.9), START.plusMillis(1)));
        assertThat(store.find(alices.id(), alice).orElseThrow().status()).isEqualTo(TextStatus.DONE);
        assertThat(store.find(alices.id(), bob))
                .as("a result does not change the owner")
                .isEmpty();
    }

    // --- outbox

    @Test
    void claimsAndMarksOfMoreIdsThanOneStatementHoldsKeepOrderAndMissNone() {
        List<Job> jobs = new ArrayList<>();
        for (int call = 0; call < 12; call++) {
            jobs.addAll(store.accept(Collections.nCopies(1_000, "text of call " + call), Lane.BATCH));
        }

        List<Job> claimed = store.unpublished(12_500);
        store.markPublished(claimed.stream().map(Job::id).toList());

        assertThat(claimed)
                .extracting(Job::id)
                .containsExactlyElementsOf(jobs.stream().map(Job::id).toList());
        assertThat(store.unpublished(10)).isEmpty();
    }

    @Test
    void outboxListsCommittedJobsOldestFirstAndMarkPublishedRemovesThem() {
        List<Job> early = store.accept(List.of("one", "two"), Lane.REALTIME);
        clock.advance(Duration.ofSeconds(1));
        List<Job> late = store.accept(List.of("three"), Lane.BATCH);

        List<Job> all = new ArrayList<>(early);
        all.addAll(late);
        assertThat(store.unpublished(10)).containsExactlyElementsOf(all);
        assertThat(store.unpublished(2)).containsExactlyElementsOf(early);

        store.markPublished(List.of(early.get(0).id(), early.get(1).id()));

        assertThat(store.unpublished(10)).containsExactlyElementsOf(late);
        assertThat(all)
                .as("publishing does not change the text's status")
                .allSatisfy(job ->
                        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(TextStatus.PENDING));
    }

    @Test
    void markPublishedIgnoresUnknownAndAlreadyPublishedIds() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);
        store.markPublished(List.of(job.id()));

        store.markPublished(List.of(job.id(), UUID.randomUUID()));
        store.markPublished(List.of());

        assertThat(store.unpublished(10)).isEmpty();
        assertThat(store.find(job.id())).isPresent();
    }

    // --- complete

    @Test
    void completeStoresTheResultAndFindRebuildsThePrediction() {
        Job job = store.accept(List.of("Hej världen"), Lane.REALTIME).get(0);
        Instant completedAt = START.plusMillis(7);

        boolean stored = store.complete(result(job.id(), "v1", swedish(0.97), completedAt));

        assertThat(stored).isTrue();
        TextRecord record = store.find(job.id()).orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.DONE);
        assertThat(record.prediction()).isEqualTo(swedish(0.97));
        assertThat(record.modelVersion()).isEqualTo("v1");
        assertThat(record.completedAt()).isEqualTo(completedAt);
        assertThat(record.submittedAt()).isEqualTo(job.submittedAt());
        assertThat(record.error()).isNull();
    }

    @Test
    void unknownPredictionsWithoutNamesAreStored() {
        Job job = store.accept(List.of("????"), Lane.REALTIME).get(0);
        Prediction unknown = new Prediction(
                Prediction.UNKNOWN,
                null,
                null,
                0.21,
                List.of(
                        new Candidate("sv", "Swedish", "Svenska", 0.21),
                        new Candidate("no", "Norwegian", "Norsk", 0.2)));

        store.complete(result(job.id(), "v1", unknown, START));

        assertThat(store.find(job.id()).orElseThrow().prediction()).isEqualTo(unknown);
    }

    @Test
    void completeIsIdempotentPerModelVersion() {
        Job job = store.accept(List.of("Hej världen"), Lane.REALTIME).get(0);
        Instant first = START.plusMillis(5);
        store.complete(result(job.id(), "v1", swedish(0.97), first));

        boolean again = store.complete(result(job.id(), "v1", norwegian(0.6), START.plusMillis(9)));

        assertThat(again).isFalse();
        TextRecord record = store.find(job.id()).orElseThrow();
        assertThat(record.prediction()).isEqualTo(swedish(0.97));
        assertThat(record.completedAt()).isEqualTo(first);
    }

    @Test
    void resultsOfDifferentModelVersionsAreAllKeptAndTheLatestIsShown() {
        Job job = store.accept(List.of("Hej världen"), Lane.REALTIME).get(0);

        assertThat(store.complete(result(job.id(), "v1", norwegian(0.55), START.plusSeconds(1))))
                .isTrue();
        assertThat(store.complete(result(job.id(), "v2", swedish(0.97), START.plusSeconds(2))))
                .isTrue();
        assertThat(store.complete(result(job.id(), "v0", norwegian(0.4), START.plusMillis(1500))))
                .as("stored, but older than what is shown")
                .isTrue();

        TextRecord record = store.find(job.id()).orElseThrow();
        assertThat(record.modelVersion()).isEqualTo("v2");
        assertThat(record.prediction()).isEqualTo(swedish(0.97));
        assertThat(store.complete(result(job.id(), "v0", swedish(0.5), START.plusSeconds(3))))
                .as("v0's result was kept: a second one is a repeat")
                .isFalse();
    }

    @Test
    void resultsOfTwoModelVersionsInOneCallAreBothKeptAndTheNewestIsShown() {
        List<Job> jobs = store.accept(List.of("Hej världen", "Moi maailma"), Lane.REALTIME);

        List<Completion> completions = store.completeAll(List.of(
                result(jobs.get(0).id(), "v2", swedish(0.97), START.plusSeconds(2)),
                result(jobs.get(1).id(), "v1", norwegian(0.7), START.plusSeconds(1)),
                result(jobs.get(0).id(), "v1", norwegian(0.55), START.plusSeconds(1))));

        assertThat(completions).containsOnly(Completion.STORED);
        TextRecord record = store.find(jobs.get(0).id()).orElseThrow();
        assertThat(record.modelVersion()).isEqualTo("v2");
        assertThat(record.prediction()).isEqualTo(swedish(0.97));
        assertThat(record.completedAt()).isEqualTo(START.plusSeconds(2));
        assertThat(store.find(jobs.get(1).id()).orElseThrow().prediction()).isEqualTo(norwegian(0.7));
    }

    @Test
    void completeOfAnUnknownIdThrowsAndStoresNothing() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> store.complete(result(unknown, "v1", swedish(0.9), START)))
                .isInstanceOf(UnknownTextException.class)
                .hasMessageContaining(unknown.toString());
        assertThat(store.find(unknown)).isEmpty();
    }

    @Test
    void completeAllStoresManyResultsAndAnUnknownIdFailsOnlyItsOwn() {
        List<Job> jobs = store.accept(List.of("Hej", "Moi", "Tere"), Lane.REALTIME);
        store.complete(result(jobs.get(1).id(), "v1", swedish(0.9), START));
        UUID unknown = UUID.randomUUID();

        List<Completion> completions = store.completeAll(List.of(
                result(jobs.get(0).id(), "v1", swedish(0.97), START),
                result(jobs.get(1).id(), "v1", norwegian(0.6), START),
                result(unknown, "v1", swedish(0.9), START),
                result(jobs.get(2).id(), "v1", norwegian(0.8), START.plusMillis(3))));

        assertThat(completions)
                .containsExactly(
                        Completion.STORED, Completion.ALREADY_STORED, Completion.UNKNOWN_TEXT, Completion.STORED);
        assertThat(store.find(jobs.get(0).id()).orElseThrow().prediction()).isEqualTo(swedish(0.97));
        assertThat(store.find(jobs.get(1).id()).orElseThrow().prediction())
                .as("the first result stays")
                .isEqualTo(swedish(0.9));
        assertThat(store.find(jobs.get(2).id()).orElseThrow().completedAt()).isEqualTo(START.plusMillis(3));
        assertThat(store.find(unknown)).isEmpty();
        assertThat(jobs)
                .allSatisfy(job ->
                        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(TextStatus.DONE));
    }

    @Test
    void concurrentCompletesOfOneJobStoreExactlyOneResult() throws Exception {
        completeEachJobFromTwoThreads(store);
    }

    /** Each of 30 jobs completed by two threads at once: one call stores its result, the other is told it did not. */
    protected void completeEachJobFromTwoThreads(TextStore target) throws Exception {
        List<Job> jobs =
                target.accept(IntStream.range(0, 30).mapToObj(i -> "text " + i).toList(), Lane.REALTIME);
        for (Job job : jobs) {
            CountDownLatch start = new CountDownLatch(1);
            List<Boolean> stored = runTogether(
                    List.of(
                            () -> {
                                start.await();
                                return target.complete(result(job.id(), "v1", swedish(0.9), START));
                            },
                            () -> {
                                start.await();
                                return target.complete(result(job.id(), "v1", norwegian(0.6), START));
                            }),
                    start);

            assertThat(stored).containsExactlyInAnyOrder(true, false);
            checkOneStoredResult(job.id());
            Prediction winner = stored.get(0) ? swedish(0.9) : norwegian(0.6);
            assertThat(target.find(job.id()).orElseThrow().prediction()).isEqualTo(winner);
        }
    }

    @Test
    void aResultRepeatedInOneCallIsStoredOnce() {
        Job job = store.accept(List.of("Hej världen"), Lane.REALTIME).get(0);

        List<Completion> completions = store.completeAll(
                List.of(result(job.id(), "v1", swedish(0.9), START), result(job.id(), "v1", norwegian(0.6), START)));

        assertThat(completions).containsExactly(Completion.STORED, Completion.ALREADY_STORED);
        assertThat(store.find(job.id()).orElseThrow().prediction()).isEqualTo(swedish(0.9));
    }

    /**
     * A message delivered twice at once (a redelivery while the first delivery is still being handled): two calls
     * store the same 20 jobs' results together, in opposite orders. Each job's result is stored by exactly one call,
     * and the text shows that call's prediction.
     */
    @Test
    void oneMessageStoredByTwoCallsAtOnceStoresEachResultOnce() throws Exception {
        List<Job> jobs =
                store.accept(IntStream.range(0, 20).mapToObj(i -> "text " + i).toList(), Lane.REALTIME);
        List<Result> first = jobs.stream()
                .map(job -> result(job.id(), "v1", swedish(0.9), START))
                .toList();
        List<Result> second = new ArrayList<>(jobs.stream()
                .map(job -> result(job.id(), "v1", norwegian(0.6), START))
                .toList());
        Collections.reverse(second);
        CountDownLatch start = new CountDownLatch(1);

        List<List<Completion>> calls = runTogether(
                List.of(
                        () -> {
                            start.await();
                            return store.completeAll(first);
                        },
                        () -> {
                            start.await();
                            return store.completeAll(second);
                        }),
                start);

        for (int i = 0; i < jobs.size(); i++) {
            Completion a = calls.get(0).get(i);
            Completion b = calls.get(1).get(jobs.size() - 1 - i);
            assertThat(List.of(a, b)).containsExactlyInAnyOrder(Completion.STORED, Completion.ALREADY_STORED);
            Prediction winner = a == Completion.STORED ? swedish(0.9) : norwegian(0.6);
            assertThat(store.find(jobs.get(i).id()).orElseThrow().prediction()).isEqualTo(winner);
        }
    }

    /** What an implementation can show beyond the port that a text has exactly one stored result (a row count). */
    protected void checkOneStoredResult(UUID id) throws Exception {}

    // --- fail

    @Test
    void failMarksTheTextFailedWithItsReason() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);
        clock.advance(Duration.ofSeconds(3));

        store.fail(job.id(), "model crashed on this text");

        TextRecord record = store.find(job.id()).orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.FAILED);
        assertThat(record.error()).isEqualTo("model crashed on this text");
        assertThat(record.completedAt()).isEqualTo(clock.instant());
        assertThat(record.prediction()).isNull();
    }

    @Test
    void failDoesNotHideAResult() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);
        store.complete(result(job.id(), "v1", swedish(0.9), START));

        store.fail(job.id(), "a late failure report");

        TextRecord record = store.find(job.id()).orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.DONE);
        assertThat(record.error()).isNull();
        assertThat(record.prediction()).isEqualTo(swedish(0.9));
    }

    @Test
    void aResultAfterAFailureMakesTheTextDone() {
        Job job = store.accept(List.of("x"), Lane.REALTIME).get(0);
        store.fail(job.id(), "timed out");

        assertThat(store.complete(result(job.id(), "v1", swedish(0.9), START.plusSeconds(1))))
                .isTrue();

        TextRecord record = store.find(job.id()).orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.DONE);
        assertThat(record.error()).isNull();
    }

    @Test
    void failOfAnUnknownIdThrows() {
        assertThatThrownBy(() -> store.fail(UUID.randomUUID(), "x")).isInstanceOf(UnknownTextException.class);
    }

    // --- readiness, concurrency

    @Test
    void isReadyWhileOpenAndNotAfterClose() {
        assertThat(store.isReady()).isTrue();

        store.close();

        assertThat(store.isReady()).isFalse();
        store.close(); // a second close is harmless
    }

    @Test
    void concurrentAcceptsFromEightThreadsLoseNothing() throws Exception {
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
                        List<Job> jobs = store.accept(texts, Lane.REALTIME);
                        assertThat(jobs).extracting(Job::text).containsExactlyElementsOf(texts);
                        accepted.addAll(jobs);
                    }
                    return accepted;
                })
                .toList();

        List<Job> accepted =
                runTogether(writers, start).stream().flatMap(List::stream).toList();

        int expected = threads * (perThread + perThread / 10);
        assertThat(accepted).hasSize(expected).extracting(Job::id).doesNotHaveDuplicates();
        Set<UUID> inOutbox = new HashSet<>();
        store.unpublished(expected + 10).forEach(job -> inOutbox.add(job.id()));
        assertThat(inOutbox)
                .containsExactlyInAnyOrderElementsOf(
                        accepted.stream().map(Job::id).toList());
        accepted.forEach(job -> assertThat(store.find(job.id())).isPresent());
    }

    // --- retention

    @Test
    void deletingOldTextsTakesTheirOutboxEntriesAndLeavesNewerOnes() throws Exception {
        List<Job> old = store.accept(List.of("Hej världen", "Moi maailma", "Ahoj světe"), Lane.REALTIME);
        store.complete(result(old.get(0).id(), "v1", swedish(0.9), START.plusSeconds(1)));
        store.markPublished(List.of(old.get(0).id(), old.get(1).id())); // the third keeps its outbox entry
        addWhatHangsOffAText(old.get(0));
        clock.advance(Duration.ofDays(2));
        Job recent = store.accept(List.of("Hola mundo"), Lane.BATCH).get(0);
        Instant cutoff = START.plus(Duration.ofDays(1));

        assertThat(store.deleteSubmittedBefore(cutoff, 2))
                .as("the two oldest, at most the limit")
                .isEqualTo(2);
        assertThat(store.deleteSubmittedBefore(cutoff, 2))
                .as("what is left of the old ones")
                .isEqualTo(1);
        assertThat(store.deleteSubmittedBefore(cutoff, 2))
                .as("nothing older is left")
                .isZero();

        assertThat(old).allSatisfy(job -> assertThat(store.find(job.id())).isEmpty());
        checkNothingLeftOf(old.get(0));
        assertThat(store.find(recent.id())).isPresent();
        assertThat(store.unpublished(10)).extracting(Job::id).containsExactly(recent.id());
    }

    /** What an implementation keeps beside a text (labels, shadow results), added before retention runs. */
    protected void addWhatHangsOffAText(Job job) throws Exception {}

    /** What an implementation can show beyond the port that nothing of a deleted text is left. */
    protected void checkNothingLeftOf(Job job) throws Exception {}

    // --- outside producers, questions, idempotency keys

    @Test
    void aJobFromAnOutsideProducerIsStoredOnceWithItsLaneAndPublishTime() {
        UUID id = UUID.randomUUID();
        Instant published = START.minusSeconds(5);
        Job outside =
                new Job(id, "Hej, hur mår du?", Lane.BATCH, published, null, new Question(List.of("sv", "no"), 2));
        assertThatThrownBy(() -> store.complete(result(id, "v1", swedish(0.9), START)))
                .isInstanceOf(UnknownTextException.class);

        assertThat(store.adopt(outside)).isTrue();
        assertThat(store.adopt(outside))
                .as("a redelivered job stores nothing more")
                .isFalse();
        TextRecord pending = store.find(id).orElseThrow();
        assertThat(pending.status()).isEqualTo(TextStatus.PENDING);
        assertThat(pending.lane()).isEqualTo(Lane.BATCH);
        assertThat(pending.submittedAt()).isEqualTo(published);
        assertThat(store.unpublished(10))
                .as("no outbox entry: the job is in the broker already")
                .isEmpty();

        assertThat(store.complete(result(id, "v1", swedish(0.9), START))).isTrue();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(TextStatus.DONE);
    }

    @Test
    void aClientsQuestionTravelsWithItsJobsThroughTheOutbox() {
        Question asked = new Question(List.of("sv", "no", "da"), 2);
        List<Job> accepted = store.accept(List.of("ett", "två"), Lane.REALTIME, asked);
        store.accept(List.of("tre"), Lane.REALTIME);
        List<Job> claimed = store.unpublished(10);
        assertThat(claimed).extracting(Job::question).containsExactly(asked, asked, Question.DEFAULT);
        assertThat(claimed.subList(0, 2))
                .extracting(Job::id)
                .containsExactlyElementsOf(accepted.stream().map(Job::id).toList());
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstRequestsTextsAndRefusesAnotherRequest() {
        IdempotencyKey key = new IdempotencyKey("-:order-17", "a".repeat(64));
        Accepted first = store.acceptOnce(List.of("ett", "två"), Lane.BATCH, Question.DEFAULT, key);
        assertThat(first.repeated()).isFalse();
        Accepted again = store.acceptOnce(List.of("ett", "två"), Lane.BATCH, Question.DEFAULT, key);
        assertThat(again.repeated()).isTrue();
        assertThat(again.jobs())
                .extracting(Job::id)
                .containsExactlyElementsOf(first.jobs().stream().map(Job::id).toList());
        assertThat(store.unpublished(10)).as("nothing new was stored").hasSize(2);
        assertThatThrownBy(() -> store.acceptOnce(
                        List.of("tre"), Lane.BATCH, Question.DEFAULT, new IdempotencyKey("-:order-17", "b".repeat(64))))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("different request");
        assertThat(store.unpublished(10)).hasSize(2);
    }

    // --- helpers

    /** Runs the tasks on their own threads, releases them together, and returns their results in task order. */
    public static <T> List<T> runTogether(List<Callable<T>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    public static Result result(UUID id, String version, Prediction prediction, Instant completedAt) {
        return new Result(id, prediction, version, completedAt, 123_456L);
    }

    public static Prediction swedish(double p) {
        return new Prediction(
                "sv",
                "Swedish",
                "Svenska",
                p,
                List.of(
                        new Candidate("sv", "Swedish", "Svenska", p),
                        new Candidate("no", "Norwegian", "Norsk", (1 - p) / 2),
                        new Candidate("da", "Danish", "Dansk", (1 - p) / 4)));
    }

    public static Prediction norwegian(double p) {
        return new Prediction(
                "no",
                "Norwegian",
                "Norsk",
                p,
                List.of(
                        new Candidate("no", "Norwegian", "Norsk", p),
                        new Candidate("sv", "Swedish", "Svenska", 1 - p)));
    }
}
