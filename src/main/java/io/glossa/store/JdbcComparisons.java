package io.glossa.store;

import io.glossa.registry.ComparisonStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Comparisons of model versions over everything they answered (results, shadow_results, reverify_results). */
final class JdbcComparisons implements ComparisonStore {
    /** One version's answers, wherever they were stored; the same version always answers a text alike. */
    static final String ANSWERS = """
            SELECT text_id, language FROM results WHERE model_version = ?
            UNION SELECT text_id, language FROM shadow_results WHERE model_version = ?
            UNION SELECT text_id, language FROM reverify_results WHERE model_version = ?
            """;

    private static final String AGREEMENT = "WITH a AS (" + ANSWERS + "), b AS (" + ANSWERS + ")\n" + """
            SELECT COUNT(*) AS both_n, COALESCE(SUM(CASE WHEN a.language <> b.language THEN 1 ELSE 0 END), 0) AS differ
            FROM a JOIN b ON a.text_id = b.text_id
            """;
    /** The newest label per text: a user's second opinion replaces the first. */
    static final String LABELS = """
            SELECT f.text_id, f.language FROM feedback f
            WHERE f.id = (SELECT MAX(g.id) FROM feedback g WHERE g.text_id = f.text_id)
            """;

    private static final String TALLY = "WITH v AS (" + ANSWERS + "), label AS (" + LABELS + ")\n" + """
            SELECT label.language, COUNT(*) AS n,
                   COALESCE(SUM(CASE WHEN v.language = label.language THEN 1 ELSE 0 END), 0) AS correct
            FROM label JOIN v ON v.text_id = label.text_id
            GROUP BY label.language ORDER BY label.language
            """;

    private final Transactions transactions;

    public JdbcComparisons(Database database) {
        this.transactions = new Transactions(database);
    }

    @Override
    public Agreement agreement(String a, String b) {
        return transactions.read("comparing " + a + " and " + b, connection -> {
            try (PreparedStatement select = connection.prepareStatement(AGREEMENT)) {
                for (int i = 1; i <= 3; i++) {
                    select.setString(i, a);
                    select.setString(i + 3, b);
                }
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return new Agreement(rows.getLong("both_n"), rows.getLong("differ"));
                }
            }
        });
    }

    @Override
    public List<LabelTally> feedbackTally(String version) {
        return transactions.read("scoring " + version + " on feedback", connection -> {
            try (PreparedStatement select = connection.prepareStatement(TALLY)) {
                for (int i = 1; i <= 3; i++) {
                    select.setString(i, version);
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<LabelTally> tallies = new ArrayList<>();
                    while (rows.next()) {
                        tallies.add(
                                new LabelTally(rows.getString("language"), rows.getLong("n"), rows.getLong("correct")));
                    }
                    return tallies;
                }
            }
        });
    }
}
