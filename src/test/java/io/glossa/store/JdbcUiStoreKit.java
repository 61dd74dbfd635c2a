package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.access.KeyScope;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.UiStoreKit;
import io.glossa.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The UI store kit on the JDBC store, plus what only its tables show: a label written around the API. A tiny
 * subclass per backend says how to get a fresh, empty database.
 */
abstract class JdbcUiStoreKit extends UiStoreKit {
    private JdbcTextStore texts;

    protected abstract StoreSettings freshDatabase() throws Exception;

    @Override
    protected UiStores freshStores(MutableClock clock) throws Exception {
        texts = JdbcTextStore.open(freshDatabase(), clock);
        return new UiStores(texts, new JdbcFeedback(texts.database(), clock), new JdbcHistory(texts.database()));
    }

    /** Training reads a key's scope from its row, so the key must be there. */
    @Override
    protected long newKey(String name, boolean admin) {
        return new JdbcApiKeyStore(texts.database())
                .add(
                        name,
                        name.repeat(64).substring(0, 64),
                        Optional.empty(),
                        admin ? KeyScope.ADMIN : KeyScope.USER,
                        START)
                .id();
    }

    @Test
    void aLabelWrittenAroundTheApiByAnotherKeyIsNeverTakenForTraining() throws Exception {
        long aliceId = newKey("alice", false);
        long bobId = newKey("bob", false);
        Job alices = store.accept(List.of("alice private: my bank PIN is 4711"), Lane.REALTIME, aliceId, null)
                .get(0);
        feedback.add(alices.id(), "sv", Requester.key(aliceId, false));
        // a label whose author does not own the text, as stored before V9 checked it or written around the API
        try (Connection c = texts.database().dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO feedback (text_id, language, created_at, api_key_id) VALUES (?, ?, ?, ?)")) {
            texts.database().dialect().setUuid(insert, 1, alices.id());
            insert.setString(2, "fi");
            texts.database().dialect().setInstant(insert, 3, START);
            insert.setLong(4, bobId);
            insert.executeUpdate();
        }

        assertThat(feedback.labels(0, 10))
                .as("training never takes bob's label for alice's text")
                .extracting(FeedbackLabel::language)
                .containsExactly("sv");
    }
}
