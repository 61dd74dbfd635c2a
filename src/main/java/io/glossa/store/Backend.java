package io.glossa.store;

import java.util.Locale;

/**
 * The databases this build supports; both run the same migrations and the same SQL, except PostgreSQL's accept in
 * one statement.
 */
public enum Backend {
    H2, POSTGRESQL;

    /**
     * @throws IllegalArgumentException with a message naming what is supported, for any other URL
     */
    public static Backend of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database URL " + StoreSettings.redact(jdbcUrl)
                + ": use jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded database under --data-dir");
    }
}
