package io.glossa.registry;

/** Sends a registry change to every worker (the broker adapter publishes it on the models exchange, confirmed). */
@FunctionalInterface
public interface ModelAnnouncer {
    void announce(ModelAnnouncement announcement);

    /** For commands run without a broker: workers notice the change at their next periodic check. */
    ModelAnnouncer NONE = announcement -> {};
}
