package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the web UI stores and reads through the {@link FeedbackStore} and {@link TextHistory} ports (labels, history),
 * run unchanged against each implementation (the JDBC store on both backends, the in-memory fakes) by a subclass
 * that opens them on one fresh, empty system of record.
 */
public abstract class UiStoreKit {
    protected static final Instant START = Instant.parse("2026-01-01T10:00:00.123456Z");
    protected MutableClock clock;
    protected TextStore store;
    protected FeedbackStore feedback;
    protected TextHistory history;
    private final AtomicLong keyIds = new AtomicLong();

    /** The stores of one fresh, empty system of record, reading the time from the clock. */
    public record UiStores(TextStore texts, FeedbackStore feedback, TextHistory history) {}

    protected abstract UiStores freshStores(MutableClock clock) throws Exception;

    /** The id of a new API key; a store that checks its keys' scope overrides this to keep one. */
    protected long newKey(String name, boolean admin) throws Exception {
        return keyIds.incrementAndGet();
    }

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(START);
        UiStores stores = freshStores(clock);
        store = stores.texts();
        feedback = stores.feedback();
        history = stores.history();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void feedbackIsStoredWithItsTextAndReadInOrder() {
        List<Job> jobs = store.accept(List.of("Hej, hur mår du?", "Goddag, hvordan går det?"), Lane.REALTIME);
        Feedback first = feedback.add(jobs.get(0).id(), "sv");
        clock.advance(Duration.ofSeconds(1));
        Feedback second = feedback.add(jobs.get(1).id(), "da");
        Feedback again = feedback.add(jobs.get(0).id(), "no"); // a second opinion is kept too

        assertThat(first.createdAt()).isEqualTo(START);
        assertThat(second.id()).isGreaterThan(first.id());
        List<FeedbackLabel> labels = feedback.labels(0, 10);
        assertThat(labels)
                .extracting(FeedbackLabel::text, FeedbackLabel::language)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Hej, hur mår du?", "sv"),
                        org.assertj.core.groups.Tuple.tuple("Goddag, hvordan går det?", "da"),
                        org.assertj.core.groups.Tuple.tuple("Hej, hur mår du?", "no"));
        assertThat(labels.get(0).textId()).isEqualTo(jobs.get(0).id());
        assertThat(labels.get(1).createdAt()).isEqualTo(START.plusSeconds(1));
        assertThat(feedback.labels(first.id(), 10))
                .extracting(FeedbackLabel::feedbackId)
                .containsExactly(second.id(), again.id());
        assertThat(feedback.labels(0, 1)).hasSize(1);
    }

    @Test
    void feedbackForAnUnknownTextIsRefusedAndNothingIsStored() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> feedback.add(unknown, "sv")).isInstanceOf(UnknownTextException.class);
        assertThatThrownBy(() -> feedback.add(unknown, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(feedback.labels(0, 10)).isEmpty();
    }

    @Test
    void historyShowsAKeyItsOwnTextsAndAnAdminEveryonesNewestFirst() {
        store.accept(List.of("alice private: my bank PIN is 4711"), Lane.REALTIME, 1L, null);
        clock.advance(Duration.ofSeconds(1));
        store.accept(List.of("bob one", "bob two"), Lane.BATCH, 2L, null);
        clock.advance(Duration.ofSeconds(1));
        store.accept(List.of("sent without a key"), Lane.REALTIME);

        assertThat(history.recent(10, Requester.key(1, false)))
                .extracting(HistoryItem::text)
                .containsExactly("alice private: my bank PIN is 4711");
        assertThat(history.recent(10, Requester.key(2, false)))
                .extracting(HistoryItem::text)
                .containsExactlyInAnyOrder("bob one", "bob two");
        assertThat(history.recent(1, Requester.key(2, false))).hasSize(1);
        assertThat(history.recent(10, Requester.key(3, false)))
                .as("a key that submitted nothing sees nothing")
                .isEmpty();
        assertThat(history.recent(10, Requester.key(3, true)))
                .extracting(HistoryItem::text)
                .as("an admin key: all")
                .startsWith("sent without a key")
                .endsWith("alice private: my bank PIN is 4711")
                .hasSize(4);
        assertThat(history.recent(10)).as("without keys, as before").hasSize(4);
    }

    @Test
    void historyIsNewestFirstWithTextsAndResults() {
        Job old = store.accept(List.of("first <b>text</b>"), Lane.REALTIME).get(0);
        clock.advance(Duration.ofSeconds(1));
        Job young = store.accept(List.of("second"), Lane.BATCH).get(0);
        Prediction sv = new Prediction(
                "sv", "Swedish", "Svenska", 0.9, List.of(new Candidate("sv", "Swedish", "Svenska", 0.9)));
        store.complete(new Result(old.id(), sv, "v1", START.plusSeconds(2), 1000));

        List<HistoryItem> items = history.recent(10);
        assertThat(items).extracting(i -> i.record().id()).containsExactly(young.id(), old.id());
        assertThat(items.get(0).text()).isEqualTo("second");
        assertThat(items.get(0).record().status()).isEqualTo(TextStatus.PENDING);
        assertThat(items.get(1).text()).isEqualTo("first <b>text</b>");
        assertThat(items.get(1).record().prediction().language()).isEqualTo("sv");
        assertThat(history.recent(1)).hasSize(1);
    }

    @Test
    void aKeyLabelsOnlyItsOwnTextsAndTrainingTakesOnlyLabelsTheOwnerOrAnAdminGave() throws Exception {
        Requester alice = Requester.key(newKey("alice", false), false);
        Requester bob = Requester.key(newKey("bob", false), false);
        Requester admin = Requester.key(newKey("ops", true), true);
        Job alices = store.accept(List.of("alice private: my bank PIN is 4711"), Lane.REALTIME, alice.keyId(), null)
                .get(0);
        Job nobodys = store.accept(List.of("Hej, hur mår du?"), Lane.REALTIME).get(0);

        feedback.add(alices.id(), "sv", alice);
        assertThatThrownBy(() -> feedback.add(alices.id(), "de", bob))
                .as("bob cannot relabel alice's text")
                .isInstanceOf(UnknownTextException.class);
        assertThatThrownBy(() -> feedback.add(nobodys.id(), "de", bob)).isInstanceOf(UnknownTextException.class);
        feedback.add(alices.id(), "da", admin);
        feedback.add(nobodys.id(), "no", admin);
        feedback.add(nobodys.id(), "sv"); // no key needed: the single user's label

        assertThat(feedback.labels(0, 10)).extracting(FeedbackLabel::language).containsExactly("sv", "da", "no", "sv");
    }
}
