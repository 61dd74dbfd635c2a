package io.glossa.registry;

import java.time.Instant;

/**
 * One line of the registry's changelog.
 *
 * @param version null for {@link Action#SHADOW_OFF}
 */
public record ModelEvent(long id, Action action, String version, Instant at) {
    /** What happened; {@link #key()} is the stored value. */
    public enum Action {
        ACTIVATE("activate"),
        ROLLBACK("rollback"),
        SHADOW("shadow"),
        SHADOW_OFF("shadow-off");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Action fromKey(String key) {
            for (Action action : values()) {
                if (action.key.equals(key)) {
                    return action;
                }
            }
            throw new IllegalArgumentException("unknown model event '" + key + "'");
        }

        /** Activations and rollbacks change the active version; the others the shadow. */
        public boolean changesActive() {
            return this == ACTIVATE || this == ROLLBACK;
        }
    }
}
