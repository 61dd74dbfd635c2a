package io.glossa.app;

import io.glossa.broker.BrokerSession;
import io.glossa.metrics.ClientMetrics;
import io.glossa.model.LanguageModel;
import io.glossa.pipeline.Retention;
import io.glossa.store.JdbcTextStore;
import io.glossa.store.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the parts every pipeline role needs, one log line each, registering them for shutdown. */
final class Parts {
    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);
    private static final Duration RETENTION_SWEEP = Duration.ofMinutes(1);

    private Parts() {}

    static LanguageModel model(ModelSource source) {
        LanguageModel model = source.load();
        LOG.info("model: {} ({}, {} languages)", model.version(), source.describe(), model.labelCount());
        return model;
    }

    /** Opens the store and binds its connection pool's meters to {@code registry}. */
    static JdbcTextStore store(Lifecycle life, StoreSettings settings, MeterRegistry registry) {
        JdbcTextStore store = life.add("database", JdbcTextStore.open(settings));
        ClientMetrics.bindPool(store.database().dataSource(), registry);
        LOG.info(
                "database: {}",
                settings.sqliteFile()
                        .map(Path::getParent)
                        .map(dir -> "embedded SQLite under " + dir)
                        .orElseGet(settings::redactedUrl));
        return store;
    }

    /** The broker is registered after the store, so it stops first: consumers finish before the store closes. */
    static BrokerSession broker(Lifecycle life, BrokerSettings settings, String role, MeterRegistry registry) {
        BrokerSession session = life.add("broker", settings.open(role, ClientMetrics.amqp(registry)));
        LOG.info("broker: {}", session.describe());
        return session;
    }

    /** Starts deleting old texts from {@code store}, unless texts are kept forever (empty). */
    static void retention(Lifecycle life, JdbcTextStore store, Optional<Duration> period) {
        if (period.isEmpty()) {
            LOG.info("retention: texts are kept forever (--retain forever)");
            return;
        }
        life.add("retention", new Retention(store, period.get(), Clock.systemUTC()).start(RETENTION_SWEEP));
        LOG.info(
                "retention: texts older than {} (--retain) are deleted with their results and feedback",
                Retention.readable(period.get()));
    }
}
