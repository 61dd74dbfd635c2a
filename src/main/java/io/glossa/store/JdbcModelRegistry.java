package io.glossa.store;

import io.glossa.registry.ModelEntry;
import io.glossa.registry.ModelEvent;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.ModelRegistryException;
import io.glossa.registry.ModelState;
import io.glossa.registry.NewModel;
import io.glossa.registry.Refusal;
import io.glossa.registry.WorkerStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The model registry (migration V4) over JDBC, on the embedded database and PostgreSQL alike. */
final class JdbcModelRegistry implements ModelRegistry {
    private static final String ENTRY_COLUMNS =
            "version, sha256, size_bytes, dev_score, note, added_at, measured_score";
    private static final String STATE = """
            SELECT (SELECT version FROM model_events WHERE action IN ('activate', 'rollback')
                    ORDER BY id DESC LIMIT 1) AS active,
                   (SELECT version FROM model_events WHERE action IN ('shadow', 'shadow-off')
                    ORDER BY id DESC LIMIT 1) AS shadow
            """;
    private static final int MAX_REASON = 1000;
    private static final int MAX_WORKER = 200;

    private final Transactions transactions;
    private final SqlDialect dialect;
    private final Clock clock;

    public JdbcModelRegistry(Database database, Clock clock) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
        this.clock = clock;
    }

    @Override
    public ModelEntry add(NewModel model) {
        Instant now = now();
        return transactions.write("adding model " + model.version(), connection -> {
            if (exists(connection, model.version())) {
                throw new ModelRegistryException("model " + model.version() + " is already in the registry");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO models (version, sha256, "
                    + "size_bytes, body, metadata, dev_score, note, added_at, measured_score) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, model.version());
                insert.setString(2, model.sha256());
                insert.setLong(3, model.bytes().length);
                insert.setBytes(4, model.bytes());
                insert.setString(5, model.metadataJson());
                setScore(insert, 6, model.devScore());
                insert.setString(7, model.note());
                dialect.setInstant(insert, 8, now);
                setScore(insert, 9, model.measuredScore());
                insert.executeUpdate();
            }
            return new ModelEntry(
                    model.version(),
                    model.sha256(),
                    model.bytes().length,
                    model.devScore(),
                    model.note(),
                    now,
                    model.measuredScore());
        });
    }

    @Override
    public List<ModelEntry> list() {
        return transactions.read("listing models", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT " + ENTRY_COLUMNS + " FROM models ORDER BY added_at, version");
                    ResultSet rows = select.executeQuery()) {
                List<ModelEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(entry(rows));
                }
                return entries;
            }
        });
    }

    @Override
    public Optional<ModelEntry> find(String version) {
        return transactions.read("reading model " + version, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM models WHERE version = ?")) {
                select.setString(1, version);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<byte[]> bytes(String version) {
        return transactions.read("reading the file of model " + version, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT body FROM models WHERE version = ?")) {
                select.setString(1, version);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public ModelState state() {
        return transactions.read("reading the active model", connection -> {
            try (PreparedStatement select = connection.prepareStatement(STATE);
                    ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? new ModelState(rows.getString("active"), rows.getString("shadow"))
                        : ModelState.EMPTY;
            }
        });
    }

    @Override
    public ModelEvent record(ModelEvent.Action action, String version) {
        Instant now = now();
        return transactions.write("recording " + action.key() + " " + version, connection -> {
            if (version != null && !exists(connection, version)) {
                throw new ModelRegistryException("no model " + version + " in the registry (see glossa models list)");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO model_events (action, version, created_at) VALUES (?, ?, ?)", new String[] {"id"})) {
                insert.setString(1, action.key());
                insert.setString(2, version);
                dialect.setInstant(insert, 3, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new ModelEvent(keys.getLong(1), action, version, now);
                }
            }
        });
    }

    @Override
    public List<ModelEvent> events() {
        return transactions.read("reading the model changelog", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT id, action, version, created_at FROM model_events ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<ModelEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new ModelEvent(
                            rows.getLong("id"),
                            ModelEvent.Action.fromKey(rows.getString("action")),
                            rows.getString("version"),
                            dialect.getInstant(rows, "created_at")));
                }
                return events;
            }
        });
    }

    /** One upsert, which both databases run alike: the worker's row is replaced by its latest report. */
    @Override
    public void report(WorkerStatus status) {
        String worker = cut(status.worker(), MAX_WORKER);
        transactions.writeStatement("reporting worker " + worker, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO model_workers (worker, "
                    + "active_version, shadow_version, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (worker) DO UPDATE "
                    + "SET active_version = excluded.active_version, shadow_version = excluded.shadow_version, "
                    + "updated_at = excluded.updated_at")) {
                upsert.setString(1, worker);
                upsert.setString(2, status.activeVersion());
                upsert.setString(3, status.shadowVersion());
                dialect.setInstant(upsert, 4, status.at());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public void refused(Refusal refusal) {
        String worker = cut(refusal.worker(), MAX_WORKER);
        String reason = cut(refusal.reason(), MAX_REASON);
        transactions.writeStatement("recording a refused model", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO model_refusals (worker, version, "
                    + "reason, refused_at) VALUES (?, ?, ?, ?) ON CONFLICT (worker, version) DO UPDATE "
                    + "SET reason = excluded.reason, refused_at = excluded.refused_at")) {
                upsert.setString(1, worker);
                upsert.setString(2, refusal.version());
                upsert.setString(3, reason);
                dialect.setInstant(upsert, 4, refusal.at());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public List<WorkerStatus> workers() {
        return transactions.read("reading worker models", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT worker, active_version, shadow_version, updated_at FROM model_workers ORDER BY worker");
                    ResultSet rows = select.executeQuery()) {
                List<WorkerStatus> workers = new ArrayList<>();
                while (rows.next()) {
                    workers.add(new WorkerStatus(
                            rows.getString("worker"),
                            rows.getString("active_version"),
                            rows.getString("shadow_version"),
                            dialect.getInstant(rows, "updated_at")));
                }
                return workers;
            }
        });
    }

    @Override
    public List<Refusal> refusals() {
        return transactions.read("reading refused models", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT worker, version, reason, refused_at FROM model_refusals ORDER BY refused_at DESC, worker");
                    ResultSet rows = select.executeQuery()) {
                List<Refusal> refusals = new ArrayList<>();
                while (rows.next()) {
                    refusals.add(new Refusal(
                            rows.getString("worker"),
                            rows.getString("version"),
                            rows.getString("reason"),
                            dialect.getInstant(rows, "refused_at")));
                }
                return refusals;
            }
        });
    }

    private static boolean exists(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM models WHERE version = ?")) {
            select.setString(1, version);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private ModelEntry entry(ResultSet rows) throws SQLException {
        return new ModelEntry(
                rows.getString("version"),
                rows.getString("sha256"),
                rows.getLong("size_bytes"),
                score(rows, "dev_score"),
                rows.getString("note"),
                dialect.getInstant(rows, "added_at"),
                score(rows, "measured_score"));
    }

    private static Double score(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static void setScore(PreparedStatement statement, int index, Double score) throws SQLException {
        if (score == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, score);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
