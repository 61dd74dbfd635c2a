package io.glossa.access;

import java.util.Locale;

/**
 * What an API key may see. A {@link #USER} key sees only the texts, results, labels and events it submitted; an
 * {@link #ADMIN} key sees every key's (and texts submitted without a key), and the operator pages (stats, re-verify).
 * Stored as its {@link #key()} in {@code api_keys.scope}.
 */
public enum KeyScope {
    USER,
    ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but "user" or "admin" */
    public static KeyScope fromKey(String key) {
        return switch (key) {
            case "user" -> USER;
            case "admin" -> ADMIN;
            default -> throw new IllegalArgumentException("unknown key scope '" + key + "'");
        };
    }
}
