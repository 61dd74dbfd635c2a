package io.glossa.app;

import io.glossa.broker.BrokerSession;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.Tracing;
import io.glossa.store.JdbcTextStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What every role has started before its own parts: tracing, meters, the store and the broker, in one lifecycle. */
record RoleParts(
        Lifecycle life,
        PrometheusMeterRegistry registry,
        PipelineMetrics metrics,
        JdbcTextStore store,
        BrokerSession broker,
        Tracing tracing) {}
