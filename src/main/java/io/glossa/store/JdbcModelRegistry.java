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
public final class JdbcModelRegistry implements ModelRegistry {
    private static final String ENTRY_COLUMNS = "version, sha256, size_bytes, dev_score, note, added_at";
    private static final String STATE = """
            SELECT (SELECT version FROM model_events WHERE action IN ('activate', 'rollback')
                    ORDER BY id DESC LIMIT 1) AS active,
                   (SELECT version FROM model_events WHERE action IN ('shadow', 'shadow-off')
                    ORDER BY id DESC LIMIT 1) AS shadow
            """;
    private static final int MAX_REASON = 1000;
    private static final int MAX_WORKER = 200;

    private final Transactions transactions;
    private final Clock clock;

    public JdbcModelRegistry(Database database, Clock clock) {
        this.transactions = new Transactions(database.dataSource());
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
                    + "size_bytes, body, metadata, dev_score, note, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, model.version());
                insert.setString(2, model.sha256());
                insert.setLong(3, model.bytes().length);
                insert.setBytes(4, model.bytes());
                insert.setString(5, model.metadataJson());
                if (model.devScore() == null) {
                    insert.setNull(6, Types.DOUBLE);
                } else {
                    insert.setDouble(6, model.devScore());
                }
                insert.setString(7, model.note());
                Timestamps.set(insert, 8, now);
                insert.executeUpdate();
            }
            return new ModelEntry(model.version(), model.sha256(), model.bytes().length, model.devScore(),
                    model.note(), now);
        });
    }

    @Override
    public List<ModelEntry> list() {
        return transactions.autocommit("listing models", connection -> {
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
        return transactions.autocommit("reading model " + version, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + ENTRY_COLUMNS + " FROM models WHERE version = ?")) {
                select.setString(1, version);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<byte[]> bytes(String version) {
        return transactions.autocommit("reading the file of model " + version, connection -> {
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
        return transactions.autocommit("reading the active model", connection -> {
            try (PreparedStatement select = connection.prepareStatement(STATE);
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? new ModelState(rows.getString("active"), rows.getString("shadow")) : ModelState.EMPTY;
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
                Timestamps.set(insert, 3, now);
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
        return transactions.autocommit("reading the model changelog", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, action, version, created_at FROM model_events ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                List<ModelEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new ModelEvent(rows.getLong("id"), ModelEvent.Action.fromKey(rows.getString("action")),
                            rows.getString("version"), Timestamps.get(rows, "created_at")));
                }
                return events;
            }
        });
    }

    /** Update, else insert: the one statement pair both databases run alike (H2 has no ON CONFLICT DO UPDATE). */
    @Override
    public void report(WorkerStatus status) {
        String worker = cut(status.worker(), MAX_WORKER);
        transactions.write("reporting worker " + worker, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE model_workers SET active_version = ?, "
                    + "shadow_version = ?, updated_at = ? WHERE worker = ?")) {
                update.setString(1, status.activeVersion());
                update.setString(2, status.shadowVersion());
                Timestamps.set(update, 3, status.at());
                update.setString(4, worker);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO model_workers (worker, "
                    + "active_version, shadow_version, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, worker);
                insert.setString(2, status.activeVersion());
                insert.setString(3, status.shadowVersion());
                Timestamps.set(insert, 4, status.at());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void refused(Refusal refusal) {
        String worker = cut(refusal.worker(), MAX_WORKER);
        String reason = cut(refusal.reason(), MAX_REASON);
        transactions.write("recording a refused model", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE model_refusals SET reason = ?, refused_at = ? WHERE worker = ? AND version = ?")) {
                update.setString(1, reason);
                Timestamps.set(update, 2, refusal.at());
                update.setString(3, worker);
                update.setString(4, refusal.version());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO model_refusals (worker, version, reason, refused_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, worker);
                insert.setString(2, refusal.version());
                insert.setString(3, reason);
                Timestamps.set(insert, 4, refusal.at());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<WorkerStatus> workers() {
        return transactions.autocommit("reading worker models", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT worker, active_version, shadow_version, updated_at FROM model_workers ORDER BY worker");
                 ResultSet rows = select.executeQuery()) {
                List<WorkerStatus> workers = new ArrayList<>();
                while (rows.next()) {
                    workers.add(new WorkerStatus(rows.getString("worker"), rows.getString("active_version"),
                            rows.getString("shadow_version"), Timestamps.get(rows, "updated_at")));
                }
                return workers;
            }
        });
    }

    @Override
    public List<Refusal> refusals() {
        return transactions.autocommit("reading refused models", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT worker, version, reason, refused_at FROM model_refusals ORDER BY refused_at DESC, worker");
                 ResultSet rows = select.executeQuery()) {
                List<Refusal> refusals = new ArrayList<>();
                while (rows.next()) {
                    refusals.add(new Refusal(rows.getString("worker"), rows.getString("version"),
                            rows.getString("reason"), Timestamps.get(rows, "refused_at")));
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

    private static ModelEntry entry(ResultSet rows) throws SQLException {
        double dev = rows.getDouble("dev_score");
        Double devScore = rows.wasNull() ? null : dev;
        return new ModelEntry(rows.getString("version"), rows.getString("sha256"), rows.getLong("size_bytes"),
                devScore, rows.getString("note"), Timestamps.get(rows, "added_at"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
