package io.glossa.store;

import io.glossa.pipeline.HistoryItem;
import io.glossa.pipeline.TextHistory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The newest texts with their bodies and results, in one query (index texts_submitted_at). */
public final class JdbcHistory implements TextHistory {
    private static final String RECENT = TextRows.SELECT_WITH_RESULT.replace("SELECT ", "SELECT t.body, ")
            + " ORDER BY t.submitted_at DESC, t.id DESC LIMIT ?";

    private final Transactions transactions;
    private final TextRows texts;

    public JdbcHistory(Database database) {
        this.transactions = new Transactions(database);
        this.texts = new TextRows(database.dialect());
    }

    @Override
    public List<HistoryItem> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return transactions.read("reading recent texts", connection -> {
            try (PreparedStatement select = connection.prepareStatement(RECENT)) {
                select.setInt(1, limit);
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
