package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.model.LanguageModel;
import io.glossa.pipeline.GroupCommitStore;
import io.glossa.pipeline.TextStore;
import io.glossa.store.JdbcTextStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the parts every pipeline role needs, one log line each, registering them for shutdown. */
final class Parts {
    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);
    /** Most writes in one commit; bounded so one transaction stays short. */
    private static final int GROUP_COMMIT_MAX = 500;

    private Parts() {
    }

    static LanguageModel model(ModelOption option) {
        LanguageModel model = option.load();
        LOG.info("model: {} ({}, {} languages)", model.version(), option.describe(), model.labelCount());
        return model;
    }

    static JdbcTextStore store(Lifecycle life, StoreOptions options) {
        JdbcTextStore store = life.add("database", options.openStore());
        LOG.info("database: {}", options.embedded()
                ? "embedded H2 under " + options.dataDir().resolve("db")
                : options.settings().redactedUrl());
        return store;
    }

    /**
     * The store as the pipeline uses it: concurrent accepts and results share commits (see GroupCommitStore).
     * Registered after the broker, so it stops before it, and after the workers are stopped.
     */
    static TextStore groupCommit(Lifecycle life, JdbcTextStore store) {
        return life.add("group commit", new GroupCommitStore(store, GROUP_COMMIT_MAX));
    }

    /** The broker is registered after the store, so it stops first: consumers finish before the store closes. */
    static BrokerSession broker(Lifecycle life, BrokerOptions options, StoreOptions store, String role) {
        BrokerSession session = life.add("broker", options.open(store.dataDir(), role));
        LOG.info("broker: {}", session.describe());
        return session;
    }
}
