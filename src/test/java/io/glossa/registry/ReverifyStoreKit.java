package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.glossa.model.Prediction;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextStore;
import io.glossa.pipeline.UnknownTextException;
import io.glossa.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-verify runs and model comparisons on a small case computed by hand, run unchanged against each backend.
 *
 * <pre>
 * text  stored (old)  re-verify (new)  newest feedback label
 * t0    sv            sv
 * t1    sv            no               no   (first "sv", then "no": the newest counts)
 * t2    no            no               sv
 * t3    da            no               da
 * t4    en            en               en
 * t5    en            en
 * t6    de            de
 * t7    fr            fr
 * t8    fi            et               et
 * t9    et            et
 * t10   sv            (not in the run) sv
 * t11   (pending: never selected)
 * </pre>
 * Run: 10 scored, 7 agree (70 %); 5 labelled, new right on t1 t4 t8 (3/5), stored right on t3 t4 (2/5);
 * changes da→no 1, fi→et 1, sv→no 1.
 *
 * <p>Written against the ports ({@link ReverifyStore}, {@link ComparisonStore}, {@link ShadowResults} beside the
 * text and feedback stores); a subclass opens them on one fresh, empty system of record.
 */
public abstract class ReverifyStoreKit {
    private static final Instant START = Instant.parse("2026-04-01T10:00:00Z");
    private static final String[] STORED = {"sv", "sv", "no", "da", "en", "en", "de", "fr", "fi", "et", "sv"};
    private static final String[] NOW = {"sv", "no", "no", "no", "en", "en", "de", "fr", "et", "et"};
    private MutableClock clock;
    private TextStore store;
    private ReverifyStore runs;
    private FeedbackStore feedback;
    private ComparisonStore comparisons;
    private ShadowResults shadow;
    private List<Job> texts;

    /** The stores of one fresh, empty system of record, reading the time from the clock. */
    public record ReverifyStores(
            TextStore texts,
            FeedbackStore feedback,
            ReverifyStore runs,
            ComparisonStore comparisons,
            ShadowResults shadow) {}

    protected abstract ReverifyStores freshStores(MutableClock clock) throws Exception;

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(START);
        ReverifyStores stores = freshStores(clock);
        store = stores.texts();
        runs = stores.runs();
        feedback = stores.feedback();
        comparisons = stores.comparisons();
        shadow = stores.shadow();
        texts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            texts.add(store.accept(List.of("text " + i), Lane.REALTIME).get(0));
            clock.advance(Duration.ofSeconds(1));
        }
        for (int i = 0; i < STORED.length; i++) {
            store.complete(result(i, STORED[i], "old"));
        }
        label(1, "sv");
        label(1, "no");
        label(2, "sv");
        label(3, "da");
        label(4, "en");
        label(8, "et");
        label(10, "sv");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Result result(int text, String language, String version) {
        return new Result(
                texts.get(text).id(),
                new Prediction(language, language, language, 0.9, List.of()),
                version,
                clock.instant(),
                1);
    }

    private void label(int text, String language) {
        feedback.add(texts.get(text).id(), language);
        clock.advance(Duration.ofMillis(10));
    }

    private ReverifyRun scoreRun() {
        ReverifyRun run = runs.create("new", "all");
        for (int i = 0; i < NOW.length; i++) {
            runs.store(run.id(), result(i, NOW[i], "new"));
        }
        runs.store(run.id(), result(0, "de", "new")); // a redelivered job changes nothing
        runs.setTotal(run.id(), NOW.length);
        return run;
    }

    @Test
    void theReportMatchesTheCaseComputedByHand() {
        ReverifyRun run = scoreRun();

        ReverifyTallies tallies = runs.tallies(run.id());
        ReverifyReport report = ReverifyReport.of(runs.find(run.id()).orElseThrow(), tallies, clock.instant());

        assertThat(tallies)
                .isEqualTo(new ReverifyTallies(
                        10,
                        7,
                        5,
                        3,
                        2,
                        List.of(
                                new ReverifyTallies.Change("da", "no", 1),
                                new ReverifyTallies.Change("fi", "et", 1),
                                new ReverifyTallies.Change("sv", "no", 1))));
        assertThat(report.total()).isEqualTo(10);
        assertThat(report.scored()).isEqualTo(10);
        assertThat(report.agreement()).isEqualTo(0.7);
        assertThat(report.accuracy()).isEqualTo(0.6);
        assertThat(report.storedAccuracy()).isEqualTo(0.4);
        assertThat(report.summary())
                .contains("70.00% (7 of 10)")
                .contains("60.00% (3 of 5)")
                .contains("stored predictions: 40.00%")
                .contains("da -> no: 1");
        assertThat(report.toJson())
                .contains("\"agreement\":0.7")
                .contains("\"stored_accuracy\":0.4")
                .contains("{\"from\":\"da\",\"to\":\"no\",\"count\":1}");
    }

    @Test
    void aFinishedRunKeepsItsReportAndListsNewestFirst() {
        ReverifyRun first = scoreRun();
        clock.advance(Duration.ofMinutes(1));
        ReverifyRun second = runs.create("new", "sample of 3");

        runs.finish(first.id(), "{\"scored\":10}", clock.instant());

        assertThat(runs.find(first.id())).hasValueSatisfying(r -> {
            assertThat(r.scored()).isEqualTo(10);
            assertThat(r.total()).isEqualTo(10);
            assertThat(r.finishedAt()).isEqualTo(clock.instant());
            assertThat(r.reportJson()).isEqualTo("{\"scored\":10}");
        });
        assertThat(runs.runs(10)).extracting(ReverifyRun::id).containsExactly(second.id(), first.id());
        assertThat(runs.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void answersForUnknownRunsOrTextsAreRefused() {
        ReverifyRun run = runs.create("new", "all");
        assertThatThrownBy(() -> runs.store(UUID.randomUUID(), result(0, "sv", "new")))
                .isInstanceOf(UnknownTextException.class);
        Result ghost = new Result(UUID.randomUUID(), new Prediction("sv", "sv", "sv", 1, List.of()), "new", START, 1);
        assertThatThrownBy(() -> runs.store(run.id(), ghost)).isInstanceOf(UnknownTextException.class);
    }

    @Test
    void onlyDoneTextsAreSelectedInPagesSinceATimeOrAsARandomSample() {
        List<Job> page1 = runs.texts(Selection.all(), null, 4);
        List<Job> page2 = runs.texts(Selection.all(), page1.get(3).id(), 100);
        List<UUID> done = texts.subList(0, 11).stream().map(Job::id).toList();
        List<UUID> all = new ArrayList<>(page1.stream().map(Job::id).toList());
        all.addAll(page2.stream().map(Job::id).toList());
        assertThat(all).as("every done text once; t11 is pending").containsExactlyInAnyOrderElementsOf(done);
        assertThat(page1).extracting(Job::text).allMatch(t -> t.startsWith("text "));

        List<Job> recent = runs.texts(new Selection(0, START.plusSeconds(8)), null, 100);
        assertThat(recent).extracting(Job::text).containsExactlyInAnyOrder("text 8", "text 9", "text 10");

        List<Job> sample = runs.texts(new Selection(3, null), null, 100);
        assertThat(sample)
                .hasSize(3)
                .extracting(Job::id)
                .doesNotHaveDuplicates()
                .isSubsetOf(done);
    }

    /** A time a user may type ({@code glossa reverify --since}) beyond the four-digit years still selects. */
    @Test
    void aSelectionSinceAYearBeyondFourDigitsWorks() {
        assertThat(runs.texts(new Selection(0, Instant.parse("+10000-01-01T00:00:00Z")), null, 100))
                .isEmpty();
        assertThat(runs.texts(new Selection(0, Instant.parse("-0001-01-01T00:00:00Z")), null, 100))
                .hasSize(11);
    }

    /** A re-verify asks what the client asked: the texts come back with their stored languages and top. */
    @Test
    void textsToReverifyCarryTheirClientsQuestion() {
        io.glossa.pipeline.Question asked = new io.glossa.pipeline.Question(List.of("sv", "no"), 1);
        Job restricted =
                store.accept(List.of("restricted"), Lane.REALTIME, asked).get(0);
        store.complete(new Result(
                restricted.id(), new Prediction("sv", "sv", "sv", 0.9, List.of()), "old", clock.instant(), 1));
        List<Job> selected = runs.texts(Selection.all(), null, 100);
        assertThat(selected)
                .filteredOn(job -> job.id().equals(restricted.id()))
                .singleElement()
                .satisfies(job -> assertThat(job.question()).isEqualTo(asked));
        assertThat(selected)
                .filteredOn(job -> !job.id().equals(restricted.id()))
                .allSatisfy(job -> assertThat(job.question().isDefault()).isTrue());
    }

    @Test
    void compareCountsDisagreementAndPerLanguageAccuracyOverResultsShadowAndReverify() {
        scoreRun();
        assertThat(comparisons.agreement("old", "new")).isEqualTo(new ComparisonStore.Agreement(10, 3));
        assertThat(comparisons.feedbackTally("new"))
                .extracting(
                        ComparisonStore.LabelTally::language,
                        ComparisonStore.LabelTally::n,
                        ComparisonStore.LabelTally::correct)
                .containsExactly(
                        tuple("da", 1L, 0L),
                        tuple("en", 1L, 1L),
                        tuple("et", 1L, 1L),
                        tuple("no", 1L, 1L),
                        tuple("sv", 1L, 0L));
        ModelComparison comparison = ModelComparison.compare(comparisons, "old", "new");
        assertThat(comparison.disagreement()).isEqualTo(0.3);
        assertThat(comparison.languages())
                .filteredOn(r -> r.language().equals("sv"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.a()).isEqualTo(new ModelComparison.Accuracy(2, 1, 0.5)); // t2 wrong, t10 right
                    assertThat(r.b()).isEqualTo(new ModelComparison.Accuracy(1, 0, 0.0));
                });
        assertThat(comparison.overallA()).isEqualTo(new ModelComparison.Accuracy(6, 3, 0.5));
        assertThat(comparison.overallB()).isEqualTo(new ModelComparison.Accuracy(5, 3, 0.6));

        shadow.store(result(10, "no", "cand"));
        assertThat(comparisons.agreement("old", "cand"))
                .as("shadow answers count too")
                .isEqualTo(new ComparisonStore.Agreement(1, 1));
    }
}
