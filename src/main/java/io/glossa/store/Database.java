package io.glossa.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.glossa.access.ApiKeyStore;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.TextHistory;
import io.glossa.registry.ComparisonStore;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.ReverifyStore;
import io.glossa.registry.ShadowResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection pool on a database whose schema is migrated to this build's version: the migrations under
 * {@code db/migration/<vendor>} (postgresql, sqlite), one version history for both.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long a write waits for another process's write transaction on the embedded file before it fails. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    private final HikariDataSource pool;
    private final Backend backend;
    private final Lock writeLock;

    private Database(HikariDataSource pool, Backend backend) {
        this.pool = pool;
        this.backend = backend;
        // SQLite has one writer per file: this process's writers queue here, in order and without sleeping, rather
        // than in SQLite's busy handler, which polls with sleeps of up to 100 ms. PostgreSQL needs no such queue.
        this.writeLock = backend == Backend.SQLITE ? new ReentrantLock() : NoLock.INSTANCE;
    }

    /**
     * Connects and applies pending migrations (safe from several processes at once: Flyway locks on PostgreSQL, a
     * file lock guards the embedded database). An embedded data dir of an earlier version (H2) is imported first.
     * @throws io.glossa.pipeline.StoreUnavailableException with a one-line message naming the URL and what to check
     */
    @SuppressWarnings("try") // the migration lock is held for the block's duration, never read
    public static Database open(StoreSettings settings) {
        HikariDataSource pool;
        try {
            settings.sqliteFile().ifPresent(file -> ownerOnlyDirectory(file.getParent()));
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw OpenFailures.describe(settings, e);
        }
        try {
            Database database = new Database(pool, settings.backend());
            if (settings.backend() == Backend.SQLITE) {
                Path file = settings.sqliteFile().orElseThrow();
                try (MigrationLock ignored = MigrationLock.acquire(file.getParent())) {
                    migrate(pool, settings.backend());
                    H2Import.ifPresent(file.getParent(), database);
                }
            } else {
                migrate(pool, settings.backend());
            }
            LOG.info("Store open: {} (pool of {})", settings.redactedUrl(), settings.poolSize());
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw OpenFailures.describe(settings, e);
        }
    }

    /** Package-private for tests: the URL reaches the driver exactly as given (TLS parameters included). */
    static HikariConfig poolConfig(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("glossa-store");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(10_000);
        if (settings.backend() == Backend.POSTGRESQL) {
            // One multi-row INSERT per batch instead of one statement per row: fewer parse/execute cycles.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("ApplicationName", "glossa");
        } else {
            // Pragmas every connection sets (the synchronous policy comes in the URL, EmbeddedSync): a write-ahead
            // log, so readers never block the writer and other processes can share the file; foreign keys, which
            // SQLite leaves off by default; a wait instead of an immediate error while another process writes.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
            // After a checkpoint the log is cut back to this size, so a burst does not leave a big file behind.
            config.addDataSourceProperty("journal_size_limit", String.valueOf(64L << 20));
        }
        return config;
    }

    /** The embedded database's directory, readable by this user only: it holds every text users sent. */
    private static void ownerOnlyDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource, Backend backend) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + backend.name().toLowerCase(java.util.Locale.ROOT))
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Backend backend() {
        return backend;
    }

    SqlDialect dialect() {
        return backend.dialect();
    }

    /** Held around every write of this process (SQLite); a no-op on PostgreSQL. */
    Lock writeLock() {
        return writeLock;
    }

    @Override
    public void close() {
        pool.close();
    }

    // The port adapters over this database: callers get the port, the Jdbc classes stay inside the store package.

    public TextHistory history() {
        return new JdbcHistory(this);
    }

    public FeedbackStore feedback(Clock clock) {
        return new JdbcFeedback(this, clock);
    }

    public ReverifyStore reverify(Clock clock) {
        return new JdbcReverify(this, clock);
    }

    public ShadowResults shadowResults() {
        return new JdbcShadowResults(this);
    }

    public ComparisonStore comparisons() {
        return new JdbcComparisons(this);
    }

    public ApiKeyStore apiKeys() {
        return new JdbcApiKeyStore(this);
    }

    public ModelRegistry modelRegistry(Clock clock) {
        return new JdbcModelRegistry(this, clock);
    }
}
