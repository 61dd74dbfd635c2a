package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.access.KeyScope;
import io.glossa.testing.MutableClock;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Feedback;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.HistoryItem;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.UnknownTextException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the web UI stores and reads (feedback labels, history), run unchanged against each backend. */
abstract class UiStoreKit {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00.123456Z");
    private MutableClock clock;
    private JdbcTextStore store;
    private JdbcFeedback feedback;
    private JdbcHistory history;

    protected abstract StoreSettings freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(START);
        StoreSettings settings = freshDatabase();
        store = JdbcTextStore.open(settings, clock);
        feedback = new JdbcFeedback(store.database(), clock);
        history = new JdbcHistory(store.database());
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
        Feedback again = feedback.add(jobs.get(0).id(), "no");   // a second opinion is kept too

        assertThat(first.createdAt()).isEqualTo(START);
        assertThat(second.id()).isGreaterThan(first.id());
        List<FeedbackLabel> labels = feedback.labels(0, 10);
        assertThat(labels).extracting(FeedbackLabel::text, FeedbackLabel::language).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Hej, hur mår du?", "sv"),
                org.assertj.core.groups.Tuple.tuple("Goddag, hvordan går det?", "da"),
                org.assertj.core.groups.Tuple.tuple("Hej, hur mår du?", "no"));
        assertThat(labels.get(0).textId()).isEqualTo(jobs.get(0).id());
        assertThat(labels.get(1).createdAt()).isEqualTo(START.plusSeconds(1));
        assertThat(feedback.labels(first.id(), 10)).extracting(FeedbackLabel::feedbackId)
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

        assertThat(history.recent(10, Requester.key(1, false))).extracting(HistoryItem::text)
                .containsExactly("alice private: my bank PIN is 4711");
        assertThat(history.recent(10, Requester.key(2, false))).extracting(HistoryItem::text)
                .containsExactlyInAnyOrder("bob one", "bob two");
        assertThat(history.recent(1, Requester.key(2, false))).hasSize(1);
        assertThat(history.recent(10, Requester.key(3, false))).as("a key that submitted nothing sees nothing").isEmpty();
        assertThat(history.recent(10, Requester.key(3, true))).extracting(HistoryItem::text).as("an admin key: all")
                .startsWith("sent without a key").endsWith("alice private: my bank PIN is 4711").hasSize(4);
        assertThat(history.recent(10)).as("without keys, as before").hasSize(4);
    }

    @Test
    void aKeyLabelsOnlyItsOwnTextsAndTrainingTakesOnlyLabelsTheOwnerOrAnAdminGave() throws Exception {
        JdbcApiKeyStore keys = new JdbcApiKeyStore(store.database());
        long aliceId = keys.add("alice", "a".repeat(64), Optional.empty(), KeyScope.USER, START).id();
        long bobId = keys.add("bob", "b".repeat(64), Optional.empty(), KeyScope.USER, START).id();
        long adminId = keys.add("ops", "c".repeat(64), Optional.empty(), KeyScope.ADMIN, START).id();
        Requester alice = Requester.key(aliceId, false);
        Requester bob = Requester.key(bobId, false);
        Requester admin = Requester.key(adminId, true);
        Job alices = store.accept(List.of("alice private: my bank PIN is 4711"), Lane.REALTIME, aliceId, null).get(0);
        Job nobodys = store.accept(List.of("Hej, hur mår du?"), Lane.REALTIME).get(0);

        feedback.add(alices.id(), "sv", alice);
        assertThatThrownBy(() -> feedback.add(alices.id(), "de", bob)).as("bob cannot relabel alice's text")
                .isInstanceOf(UnknownTextException.class);
        assertThatThrownBy(() -> feedback.add(nobodys.id(), "de", bob)).isInstanceOf(UnknownTextException.class);
        feedback.add(alices.id(), "da", admin);
        feedback.add(nobodys.id(), "no", admin);
        feedback.add(nobodys.id(), "sv");   // no key needed: the single user's label
        // a label whose author does not own the text, as stored before V9 checked it or written around the API
        try (Connection c = store.database().dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO feedback (text_id, language, created_at, api_key_id) VALUES (?, ?, ?, ?)")) {
            store.database().dialect().setUuid(insert, 1, alices.id());
            insert.setString(2, "fi");
            store.database().dialect().setInstant(insert, 3, START);
            insert.setLong(4, bobId);
            insert.executeUpdate();
        }

        assertThat(feedback.labels(0, 10)).as("training never takes bob's label for alice's text")
                .extracting(FeedbackLabel::language).containsExactly("sv", "da", "no", "sv");
    }

    @Test
    void historyIsNewestFirstWithTextsAndResults() {
        Job old = store.accept(List.of("first <b>text</b>"), Lane.REALTIME).get(0);
        clock.advance(Duration.ofSeconds(1));
        Job young = store.accept(List.of("second"), Lane.BATCH).get(0);
        Prediction sv = new Prediction("sv", "Swedish", "Svenska", 0.9, List.of(new Candidate("sv", "Swedish", "Svenska", 0.9)));
        store.complete(new Result(old.id(), sv, "v1", START.plusSeconds(2), 1000));

        List<HistoryItem> items = history.recent(10);
        assertThat(items).extracting(i -> i.record().id()).containsExactly(young.id(), old.id());
        assertThat(items.get(0).text()).isEqualTo("second");
        assertThat(items.get(0).record().status()).isEqualTo(TextStatus.PENDING);
        assertThat(items.get(1).text()).isEqualTo("first <b>text</b>");
        assertThat(items.get(1).record().prediction().language()).isEqualTo("sv");
        assertThat(history.recent(1)).hasSize(1);
    }
}
