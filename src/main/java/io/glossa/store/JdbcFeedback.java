package io.glossa.store;

import io.glossa.pipeline.Feedback;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.UnknownTextException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The feedback table (migrations V2, V9) over JDBC, on the embedded database and PostgreSQL alike. Each label keeps
 * its author's API key id; training and evaluation read only labels whose author could vouch for the text (see
 * {@link #labels}).
 */
final class JdbcFeedback implements FeedbackStore {
    private static final String INSERT =
            "INSERT INTO feedback (text_id, language, created_at, api_key_id) VALUES (?, ?, ?, ?)";
    private static final String LABELS = """
            SELECT f.id, f.text_id, t.body, f.language, f.created_at
            FROM feedback f JOIN texts t ON t.id = f.text_id
            LEFT JOIN api_keys k ON k.id = f.api_key_id
            WHERE f.id > ?
              AND (f.api_key_id IS NULL OR f.api_key_id = t.api_key_id OR k.scope = 'admin')
            ORDER BY f.id LIMIT ?
            """;
    static final int MAX_LANGUAGE_LENGTH = 16;

    private final Transactions transactions;
    private final SqlDialect dialect;
    private final TextRows texts;
    private final Clock clock;

    public JdbcFeedback(Database database, Clock clock) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
        this.texts = new TextRows(dialect);
        this.clock = clock;
    }

    @Override
    public Feedback add(UUID textId, String language, Requester author) {
        if (language == null || language.isBlank() || language.length() > MAX_LANGUAGE_LENGTH) {
            throw new IllegalArgumentException(
                    "a language code of 1 to " + MAX_LANGUAGE_LENGTH + " characters is needed");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.write("storing feedback", connection -> {
            // checked first: a foreign-key error reads differently on each database
            if (texts.find(connection, textId, author).isEmpty()) {
                throw new UnknownTextException(textId);
            }
            return new Feedback(insert(connection, textId, language, now, author.keyId()), textId, language, now);
        });
    }

    private long insert(Connection connection, UUID textId, String language, Instant now, Long author)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
            dialect.setUuid(insert, 1, textId);
            insert.setString(2, language);
            dialect.setInstant(insert, 3, now);
            TextRows.setOwner(insert, 4, author);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public List<FeedbackLabel> labels(long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return transactions.read("reading feedback", connection -> {
            try (PreparedStatement select = connection.prepareStatement(LABELS)) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<FeedbackLabel> labels = new ArrayList<>();
                    while (rows.next()) {
                        labels.add(new FeedbackLabel(
                                rows.getLong("id"),
                                dialect.getUuid(rows, "text_id"),
                                rows.getString("body"),
                                rows.getString("language"),
                                dialect.getInstant(rows, "created_at")));
                    }
                    return labels;
                }
            }
        });
    }
}
