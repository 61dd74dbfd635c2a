package io.glossa.store;

import java.util.Locale;

/** The databases this build supports; both run one schema history and, but for {@link SqlDialect}, the same SQL. */
@SuppressWarnings("ImmutableEnumChecker") // each SqlDialect is a stateless singleton, not annotated as @Immutable
public enum Backend {
    SQLITE(SqliteDialect.INSTANCE),
    POSTGRESQL(PostgresDialect.INSTANCE);

    private final SqlDialect dialect;

    Backend(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /**
     * @throws IllegalArgumentException with a message naming what is supported, for any other URL
     */
    public static Backend of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException(
                "unsupported database URL " + StoreSettings.redact(jdbcUrl)
                        + ": use jdbc:postgresql://HOST:PORT/DATABASE, or leave it out for the embedded database under --data-dir");
    }
}
