package io.glossa.app;

import io.glossa.store.StoreSettings;
import java.util.Objects;

/** Everything in one process ({@code glossa serve}): the API side, workers, the store and the broker. */
public record ServeSettings(
        StoreSettings store,
        BrokerSettings broker,
        FrontSettings front,
        WorkerSettings worker,
        TracingSettings tracing) {
    public ServeSettings {
        Objects.requireNonNull(store, "store settings");
        Objects.requireNonNull(broker, "broker settings");
        Objects.requireNonNull(front, "front settings");
        Objects.requireNonNull(worker, "worker settings");
        tracing = tracing == null ? TracingSettings.OFF : tracing;
    }

    /** Without span export. */
    public ServeSettings(StoreSettings store, BrokerSettings broker, FrontSettings front, WorkerSettings worker) {
        this(store, broker, front, worker, TracingSettings.OFF);
    }

    public ServeSettings withFront(FrontSettings value) {
        return new ServeSettings(store, broker, value, worker, tracing);
    }

    public ServeSettings withWorker(WorkerSettings value) {
        return new ServeSettings(store, broker, front, value, tracing);
    }

    public ServeSettings withBroker(BrokerSettings value) {
        return new ServeSettings(store, value, front, worker, tracing);
    }

    public ServeSettings withTracing(TracingSettings value) {
        return new ServeSettings(store, broker, front, worker, value);
    }
}
