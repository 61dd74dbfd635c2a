package io.glossa.store;

import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL: results stored and their texts shown in one statement, autocommitted (a data-modifying WITH is
 * atomic), so that storing a job's result is one round trip instead of four (BEGIN with the inserts, the updates,
 * COMMIT). Arrays keep the statement text the same for any number of results, so the server keeps one plan. Same
 * rules as {@link ResultRows} and {@link TextRows}' MARK_DONE: the first result per (text, model version) wins, and
 * a text shows its newest result.
 */
final class PostgresResults {
    // The texts are updated from what the insert RETURNED, so only the results stored now change a text. A text with
    // two new results in one call takes the newest (an UPDATE changes a row once however many rows it joins). The
    // inserts go in the callers' (id, version) order; the updates in the join's, by id when the planner walks the
    // sorted `newest` against the primary key, as it does for a few rows against a big table. Should two statements
    // ever lock two texts in opposite orders, PostgreSQL aborts one as a deadlock: a store failure, and the job is
    // delivered again.
    private static final String STORE = """
            WITH result AS (
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS float8[]),
                                     CAST(? AS varchar[]), CAST(? AS bigint[]), CAST(? AS timestamptz[]))
                     WITH ORDINALITY AS result (text_id, model_version, language, name, native_name, probability,
                                                top_k, predict_nanos, completed_at, n)),
            stored AS (
                INSERT INTO results (text_id, model_version, language, name, native_name, probability, top_k,
                                     predict_nanos, completed_at)
                SELECT text_id, model_version, language, name, native_name, probability, top_k, predict_nanos,
                       completed_at
                FROM result ORDER BY n
                ON CONFLICT DO NOTHING
                RETURNING text_id, model_version, completed_at),
            newest AS (
                SELECT DISTINCT ON (text_id) text_id, model_version, completed_at
                FROM stored ORDER BY text_id, completed_at DESC),
            shown AS (
                UPDATE texts t
                SET status = 'done', model_version = newest.model_version, completed_at = newest.completed_at,
                    error_reason = NULL
                FROM newest
                WHERE t.id = newest.text_id AND (t.status <> 'done' OR t.completed_at <= newest.completed_at))
            SELECT text_id, model_version FROM stored
            """;

    private PostgresResults() {}

    /**
     * Run autocommitted. Results are inserted in the given order (callers sort them, so that concurrent statements
     * lock rows in one order). A result for an unknown text fails the whole statement (foreign key).
     *
     * @return per result, whether this call stored it (of two equal keys in one call, the first)
     */
    static boolean[] store(Connection connection, List<Result> results) throws SQLException {
        int n = results.size();
        Object[] ids = new Object[n];
        Object[] versions = new Object[n];
        Object[] languages = new Object[n];
        Object[] names = new Object[n];
        Object[] nativeNames = new Object[n];
        Object[] probabilities = new Object[n];
        Object[] tops = new Object[n];
        Object[] nanos = new Object[n];
        Object[] completed = new Object[n];
        for (int i = 0; i < n; i++) {
            Result result = results.get(i);
            Prediction prediction = result.prediction();
            ids[i] = result.id();
            versions[i] = result.modelVersion();
            languages[i] = prediction.language();
            names[i] = prediction.name();
            nativeNames[i] = prediction.nativeName();
            probabilities[i] = prediction.probability();
            tops[i] = TopCandidatesJson.write(prediction.top());
            nanos[i] = result.predictNanos();
            completed[i] = result.completedAt().toString(); // ISO 8601 in UTC, which PostgreSQL reads exactly
        }
        Set<Key> stored = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(STORE)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.setArray(2, connection.createArrayOf("varchar", versions));
            statement.setArray(3, connection.createArrayOf("varchar", languages));
            statement.setArray(4, connection.createArrayOf("varchar", names));
            statement.setArray(5, connection.createArrayOf("varchar", nativeNames));
            statement.setArray(6, connection.createArrayOf("float8", probabilities));
            statement.setArray(7, connection.createArrayOf("varchar", tops));
            statement.setArray(8, connection.createArrayOf("bigint", nanos));
            statement.setArray(9, connection.createArrayOf("varchar", completed));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Key(rows.getObject(1, UUID.class), rows.getString(2)));
                }
            }
        }
        boolean[] inserted = new boolean[n];
        for (int i = 0; i < n; i++) {
            inserted[i] =
                    stored.remove(new Key(results.get(i).id(), results.get(i).modelVersion()));
        }
        return inserted;
    }

    private record Key(UUID textId, String modelVersion) {}
}
