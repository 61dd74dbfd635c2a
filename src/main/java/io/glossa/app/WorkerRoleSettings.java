package io.glossa.app;

import io.glossa.store.StoreSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * The worker role ({@code glossa worker}): consumes jobs, predicts, stores results.
 *
 * @param metrics empty: no metrics port
 */
public record WorkerRoleSettings(
        StoreSettings store,
        BrokerSettings broker,
        WorkerSettings worker,
        Optional<MetricsEndpoint> metrics,
        TracingSettings tracing) {
    public WorkerRoleSettings {
        Objects.requireNonNull(store, "store settings");
        Objects.requireNonNull(broker, "broker settings");
        Objects.requireNonNull(worker, "worker settings");
        metrics = metrics == null ? Optional.empty() : metrics;
        tracing = tracing == null ? TracingSettings.OFF : tracing;
    }

    /** Without span export. */
    public WorkerRoleSettings(
            StoreSettings store, BrokerSettings broker, WorkerSettings worker, Optional<MetricsEndpoint> metrics) {
        this(store, broker, worker, metrics, TracingSettings.OFF);
    }
}
