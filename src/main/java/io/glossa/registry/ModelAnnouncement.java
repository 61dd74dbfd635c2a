package io.glossa.registry;

import java.time.Instant;

/**
 * What the models fanout exchange carries after a registry change. Workers take it as a hint to re-read the
 * registry's state (the store is the truth), so a lost or reordered announcement cannot leave a worker wrong for
 * longer than its periodic check.
 *
 * @param version the version the event is about; null for {@link ModelEvent.Action#SHADOW_OFF}
 */
public record ModelAnnouncement(ModelEvent.Action event, String version, Instant at) {
    public static ModelAnnouncement of(ModelEvent event) {
        return new ModelAnnouncement(event.action(), event.version(), event.at());
    }
}
