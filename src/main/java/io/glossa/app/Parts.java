package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.metrics.ClientMetrics;
import io.glossa.model.LanguageModel;
import io.glossa.store.JdbcTextStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the parts every pipeline role needs, one log line each, registering them for shutdown. */
final class Parts {
    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);

    private Parts() {
    }

    static LanguageModel model(ModelOption option) {
        LanguageModel model = option.load();
        LOG.info("model: {} ({}, {} languages)", model.version(),
                option.path() == null ? "built-in" : option.path(), model.labelCount());
        return model;
    }

    /** Opens the store and binds its connection pool's meters to {@code registry}. */
    static JdbcTextStore store(Lifecycle life, StoreOptions options, MeterRegistry registry) {
        JdbcTextStore store = life.add("database", options.openStore());
        ClientMetrics.bindPool(store.database().dataSource(), registry);
        LOG.info("database: {}", options.embedded()
                ? "embedded SQLite under " + options.dataDir().resolve("db")
                : options.settings().redactedUrl());
        return store;
    }

    /** The broker is registered after the store, so it stops first: consumers finish before the store closes. */
    static BrokerSession broker(Lifecycle life, BrokerOptions options, StoreOptions store, String role,
                                MeterRegistry registry) {
        BrokerSession session = life.add("broker", options.open(store.dataDir(), role, ClientMetrics.amqp(registry)));
        LOG.info("broker: {}", session.describe());
        return session;
    }
}
