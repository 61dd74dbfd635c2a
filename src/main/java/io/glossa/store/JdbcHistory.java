package io.glossa.store;

import io.glossa.pipeline.HistoryItem;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.TextHistory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest texts with their bodies and results, in one query: every text (index texts_submitted_at) or one API
 * key's own (index texts_api_key_id_submitted_at, migration V9).
 */
final class JdbcHistory implements TextHistory {
    private static final String SELECT = TextRows.SELECT_WITH_RESULT.replace("SELECT ", "SELECT t.body, ");
    private static final String NEWEST_FIRST = " ORDER BY t.submitted_at DESC, t.id DESC LIMIT ?";
    private static final String RECENT = SELECT + NEWEST_FIRST;
    private static final String RECENT_OWNED = SELECT + " WHERE t.api_key_id = ?" + NEWEST_FIRST;

    private final Transactions transactions;
    private final TextRows texts;

    public JdbcHistory(Database database) {
        this.transactions = new Transactions(database);
        this.texts = new TextRows(database.dialect());
    }

    @Override
    public List<HistoryItem> recent(int limit, Requester requester) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return transactions.read("reading recent texts", connection -> {
            boolean owned = !requester.seesAll();
            try (PreparedStatement select = connection.prepareStatement(owned ? RECENT_OWNED : RECENT)) {
                int next = 1;
                if (owned) {
                    select.setLong(next++, requester.keyId());
                }
                select.setInt(next, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<HistoryItem> items = new ArrayList<>();
                    while (rows.next()) {
                        items.add(new HistoryItem(texts.record(rows), rows.getString("body")));
                    }
                    return items;
                }
            }
        });
    }
}
