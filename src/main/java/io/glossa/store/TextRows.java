package io.glossa.store;

import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Question;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.UtcInstants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL on the texts table, and reading a text with its current result in one query. On PostgreSQL, accepting also
 * writes the outbox rows ({@link OutboxRows}' table) in the same statement.
 */
final class TextRows {
    private static final String INSERT = "INSERT INTO texts (id, lane, body, status, submitted_at, languages, top_k,"
            + " api_key_id) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)";
    // A job an outside producer published: stored by the worker, once, whichever worker gets there first; owned by
    // nobody (only admin keys see it), whatever its body says
    private static final String ADOPT =
            "INSERT INTO texts (id, lane, body, status, submitted_at, languages, top_k, origin)"
                    + " VALUES (?, ?, ?, 'pending', ?, ?, ?, 'queue') ON CONFLICT (id) DO NOTHING";
    // PostgreSQL: the texts and their outbox rows in one statement (a data-modifying WITH is atomic), so that an
    // autocommitted accept is one round trip instead of three (BEGIN + INSERT, INSERT, COMMIT). Arrays keep the
    // statement text the same for any number of texts, so the server keeps one plan for it. The outbox rows read the
    // input (for each text's trace context) rather than the texts insert's RETURNING, which has only the texts'
    // columns: their foreign key is checked at the end of the statement, when the texts are in. A join of RETURNING
    // with the input doubled the median time for 50 texts; this adds ~10 % (400 runs each in a plpgsql loop on the
    // loaded 2-core machine).
    private static final String INSERT_WITH_OUTBOX_POSTGRESQL = """
            WITH job AS (
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS timestamptz[]), CAST(? AS varchar[]), CAST(? AS integer[]),
                                     CAST(? AS bigint[]), CAST(? AS varchar[]))
                     AS job (id, lane, body, submitted_at, languages, top_k, api_key_id, traceparent)),
            accepted AS (
                INSERT INTO texts (id, lane, body, status, submitted_at, languages, top_k, api_key_id)
                SELECT id, lane, body, 'pending', submitted_at, languages, top_k, api_key_id FROM job)
            INSERT INTO outbox (text_id, traceparent) SELECT id, traceparent FROM job
            """;
    /** The same for one text (one per request is the common case): scalars cost less to bind and parse than arrays. */
    private static final String INSERT_ONE_WITH_OUTBOX_POSTGRESQL = """
            WITH accepted AS (
                INSERT INTO texts (id, lane, body, status, submitted_at, languages, top_k, api_key_id)
                VALUES (?, ?, ?, 'pending', ?, ?, ?, ?))
            INSERT INTO outbox (text_id, traceparent) VALUES (?, ?)
            """;

    static final String SELECT_WITH_RESULT = """
            SELECT t.id, t.status, t.lane, t.submitted_at, t.completed_at, t.model_version, t.error_reason,
                   r.language, r.name, r.native_name, r.probability, r.top_k
            FROM texts t
            LEFT JOIN results r ON r.text_id = t.id AND r.model_version = t.model_version
            """;
    private static final String FIND = SELECT_WITH_RESULT + " WHERE t.id = ?";
    /** A key's own text only: another key's answers as no row at all, exactly as an unknown id. */
    private static final String FIND_OWNED = FIND + " AND t.api_key_id = ?";

    private static final String RECENT = SELECT_WITH_RESULT + " ORDER BY t.submitted_at DESC, t.id DESC LIMIT ?";
    // A later result (another model version) replaces the shown one; an older one arriving late does not.
    private static final String MARK_DONE = """
            UPDATE texts SET status = 'done', model_version = ?, completed_at = ?, error_reason = NULL
            WHERE id = ? AND (status <> 'done' OR completed_at <= ?)
            """;
    // A text with a result stays done: a late failure report must not hide an answer clients may have seen.
    private static final String MARK_FAILED = """
            UPDATE texts SET status = 'failed', error_reason = ?, completed_at = ?
            WHERE id = ? AND status <> 'done'
            """;
    private static final String EXISTS = "SELECT 1 FROM texts WHERE id = ?";
    private static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS n FROM texts GROUP BY status";
    static final int MAX_REASON_LENGTH = 1000;

    private final SqlDialect sql;

    TextRows(SqlDialect sql) {
        this.sql = sql;
    }

    void insert(Connection connection, List<Job> jobs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Job job : jobs) {
                bindJob(insert, job);
                setOwner(insert, 7, job.owner());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** @return true if the text was stored now, false if a text with that id existed */
    boolean adopt(Connection connection, Job job) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ADOPT)) {
            bindJob(insert, job);
            return insert.executeUpdate() == 1;
        }
    }

    private void bindJob(PreparedStatement insert, Job job) throws SQLException {
        sql.setUuid(insert, 1, job.id());
        insert.setString(2, job.lane().key());
        insert.setString(3, job.text());
        sql.setInstant(insert, 4, job.submittedAt());
        insert.setString(5, job.question().languagesText());
        insert.setObject(6, job.question().top(), java.sql.Types.INTEGER);
    }

    /** PostgreSQL only: {@link #insert} and the outbox rows in one statement; run it autocommitted. */
    void insertWithOutbox(Connection connection, List<Job> jobs) throws SQLException {
        if (jobs.size() == 1) {
            insertOneWithOutbox(connection, jobs.get(0));
            return;
        }
        int n = jobs.size();
        Object[] ids = new Object[n];
        Object[] lanes = new Object[n];
        Object[] bodies = new Object[n];
        Object[] submitted = new Object[n];
        Object[] languages = new Object[n];
        Object[] tops = new Object[n];
        Object[] owners = new Object[n];
        Object[] traces = new Object[n];
        for (int i = 0; i < n; i++) {
            Job job = jobs.get(i);
            ids[i] = job.id();
            lanes[i] = job.lane().key();
            bodies[i] = job.text();
            submitted[i] = UtcInstants.format(job.submittedAt()); // ISO 8601 in UTC, which PostgreSQL reads exactly
            languages[i] = job.question().languagesText();
            tops[i] = job.question().top();
            owners[i] = job.owner();
            traces[i] = job.trace() == null ? null : job.trace().traceparent();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WITH_OUTBOX_POSTGRESQL)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("varchar", lanes));
            insert.setArray(3, connection.createArrayOf("varchar", bodies));
            insert.setArray(4, connection.createArrayOf("varchar", submitted));
            insert.setArray(5, connection.createArrayOf("varchar", languages));
            insert.setArray(6, connection.createArrayOf("integer", tops));
            insert.setArray(7, connection.createArrayOf("bigint", owners));
            insert.setArray(8, connection.createArrayOf("varchar", traces));
            insert.executeUpdate();
        }
    }

    private void insertOneWithOutbox(Connection connection, Job job) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ONE_WITH_OUTBOX_POSTGRESQL)) {
            bindJob(insert, job);
            setOwner(insert, 7, job.owner());
            sql.setUuid(insert, 8, job.id());
            insert.setString(9, job.trace() == null ? null : job.trace().traceparent());
            insert.executeUpdate();
        }
    }

    Optional<TextRecord> find(Connection connection, UUID id) throws SQLException {
        return find(connection, id, Requester.UNKEYED);
    }

    Optional<TextRecord> find(Connection connection, UUID id, Requester requester) throws SQLException {
        boolean owned = !requester.seesAll();
        if (owned && requester.keyId() == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(owned ? FIND_OWNED : FIND)) {
            sql.setUuid(select, 1, id);
            if (owned) {
                select.setLong(2, requester.keyId());
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(record(row)) : Optional.empty();
            }
        }
    }

    List<TextRecord> recent(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(RECENT)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<TextRecord> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(record(rows));
                }
                return records;
            }
        }
    }

    void markDone(Connection connection, UUID id, String modelVersion, Instant completedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_DONE)) {
            update.setString(1, modelVersion);
            sql.setInstant(update, 2, completedAt);
            sql.setUuid(update, 3, id);
            sql.setInstant(update, 4, completedAt);
            update.executeUpdate();
        }
    }

    /** One batch: the texts of newly stored results become done. */
    void markDoneAll(Connection connection, List<Result> results) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_DONE)) {
            for (Result result : results) {
                update.setString(1, result.modelVersion());
                sql.setInstant(update, 2, result.completedAt());
                sql.setUuid(update, 3, result.id());
                sql.setInstant(update, 4, result.completedAt());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** @return false if the text is done (left unchanged) or unknown */
    boolean markFailed(Connection connection, UUID id, String reason, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setString(1, truncate(reason));
            sql.setInstant(update, 2, at);
            sql.setUuid(update, 3, id);
            return update.executeUpdate() == 1;
        }
    }

    boolean exists(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EXISTS)) {
            sql.setUuid(select, 1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    Map<TextStatus, Long> countByStatus(Connection connection) throws SQLException {
        Map<TextStatus, Long> counts = new EnumMap<>(TextStatus.class);
        try (PreparedStatement select = connection.prepareStatement(COUNT_BY_STATUS);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(status(rows.getString("status")), rows.getLong("n"));
            }
        }
        return counts;
    }

    TextRecord record(ResultSet row) throws SQLException {
        return new TextRecord(
                sql.getUuid(row, "id"),
                status(row.getString("status")),
                Lane.fromKey(row.getString("lane")),
                prediction(row),
                row.getString("model_version"),
                sql.getInstant(row, "submitted_at"),
                sql.getInstant(row, "completed_at"),
                row.getString("error_reason"));
    }

    /** The client's question from a row with the columns languages and top_k. */
    static Question question(ResultSet row) throws SQLException {
        int top = row.getInt("top_k");
        return Question.of(row.getString("languages"), row.wasNull() ? null : top);
    }

    private static Prediction prediction(ResultSet row) throws SQLException {
        String language = row.getString("language");
        if (language == null) {
            return null;
        }
        return new Prediction(
                language,
                row.getString("name"),
                row.getString("native_name"),
                row.getDouble("probability"),
                TopCandidatesJson.read(row.getString("top_k")));
    }

    private static TextStatus status(String key) {
        return TextStatus.valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** A text's owner: an API key id, or SQL NULL for nobody. */
    static void setOwner(PreparedStatement statement, int index, Long owner) throws SQLException {
        if (owner == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, owner);
        }
    }

    /** The owner column as read, null for nobody. */
    static Long owner(ResultSet row) throws SQLException {
        long id = row.getLong("api_key_id");
        return row.wasNull() ? null : id;
    }

    private static String truncate(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
