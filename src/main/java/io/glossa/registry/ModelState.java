package io.glossa.registry;

import java.util.Optional;

/**
 * Which versions the workers should run.
 *
 * @param active null when nothing was activated yet
 * @param shadow null when no candidate shadows the active model
 */
public record ModelState(String active, String shadow) {
    public static final ModelState EMPTY = new ModelState(null, null);

    public Optional<String> activeVersion() {
        return Optional.ofNullable(active);
    }

    public Optional<String> shadowVersion() {
        return Optional.ofNullable(shadow);
    }
}
