package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.model.LanguageModel;
import io.glossa.store.JdbcTextStore;
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

    static JdbcTextStore store(Lifecycle life, StoreOptions options) {
        JdbcTextStore store = life.add("database", options.openStore());
        LOG.info("database: {}", options.embedded()
                ? "embedded SQLite under " + options.dataDir().resolve("db")
                : options.settings().redactedUrl());
        return store;
    }

    /** The broker is registered after the store, so it stops first: consumers finish before the store closes. */
    static BrokerSession broker(Lifecycle life, BrokerOptions options, StoreOptions store, String role) {
        BrokerSession session = life.add("broker", options.open(store.dataDir(), role));
        LOG.info("broker: {}", session.describe());
        return session;
    }
}
