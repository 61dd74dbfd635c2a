package io.glossa.app;

import io.glossa.store.StoreSettings;
import java.util.Objects;

/** The API role ({@code glossa api}): HTTP API, UI and outbox relay, with workers in other processes. */
public record ApiRoleSettings(
        StoreSettings store, BrokerSettings broker, FrontSettings front, TracingSettings tracing) {
    public ApiRoleSettings {
        Objects.requireNonNull(store, "store settings");
        Objects.requireNonNull(broker, "broker settings");
        Objects.requireNonNull(front, "front settings");
        tracing = tracing == null ? TracingSettings.OFF : tracing;
    }

    /** Without span export. */
    public ApiRoleSettings(StoreSettings store, BrokerSettings broker, FrontSettings front) {
        this(store, broker, front, TracingSettings.OFF);
    }
}
