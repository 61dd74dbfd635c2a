package io.glossa.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection pool on a database whose schema is migrated to this build's version (classpath db/migration). */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Backend backend;

    private Database(HikariDataSource pool, Backend backend) {
        this.pool = pool;
        this.backend = backend;
    }

    /**
     * Connects and applies pending migrations (safe to run from several processes at once: Flyway locks).
     * @throws io.glossa.pipeline.StoreUnavailableException with a one-line message naming the URL and what to check
     */
    public static Database open(StoreSettings settings) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw OpenFailures.describe(settings, e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw OpenFailures.describe(settings, e);
        }
        LOG.info("Store open: {} (pool of {})", settings.redactedUrl(), settings.poolSize());
        return new Database(pool, settings.backend());
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
        }
        return config;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        pool.close();
    }
}
