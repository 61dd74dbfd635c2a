package io.glossa.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the store lives, how big its connection pool is and how long an accept may wait for company.
 * {@link #toString()} never shows the password.
 *
 * @param acceptLinger how long accepting a text may wait, while requests arrive densely, for others to share its
 *        commit (fewer commits and log flushes per text; the answer comes up to that much later); zero commits at once
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, Duration acceptLinger) {
    public static final int DEFAULT_POOL_SIZE = 10;

    /**
     * Accepts wait up to 2 ms for company while requests arrive densely: with PostgreSQL at 1,000 accepts a second,
     * arriving at random, that took the database's CPU per accept down by about a quarter (StoreBench; docs/store.md).
     */
    public static final Duration DEFAULT_ACCEPT_LINGER = Duration.ofMillis(2);

    /** The longest accept linger allowed, so that a slip of the unit cannot hold every request for seconds. */
    public static final Duration MAX_ACCEPT_LINGER = Duration.ofMillis(100);

    /** The embedded database's file under {@code <data-dir>/db}, with its write-ahead log beside it. */
    public static final String EMBEDDED_FILE = "glossa.db";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    /** @throws IllegalArgumentException naming the URL (password masked) if it is malformed or not supported */
    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
        Objects.requireNonNull(acceptLinger, "acceptLinger");
        if (acceptLinger.isNegative() || acceptLinger.compareTo(MAX_ACCEPT_LINGER) > 0) {
            throw new IllegalArgumentException("the accept linger must be from 0 to " + MAX_ACCEPT_LINGER.toMillis()
                    + "ms, got " + acceptLinger.toMillis() + "ms");
        }
        if (Backend.of(jdbcUrl) == Backend.POSTGRESQL && org.postgresql.Driver.parseURL(jdbcUrl, null) == null) {
            throw new IllegalArgumentException("malformed PostgreSQL URL " + redact(jdbcUrl)
                    + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE[?options]");
        }
    }

    /** With the default accept linger. */
    public StoreSettings(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, DEFAULT_ACCEPT_LINGER);
    }

    public StoreSettings withAcceptLinger(Duration linger) {
        return new StoreSettings(jdbcUrl, user, password, poolSize, linger);
    }

    /** The embedded database (SQLite) under {@code <dataDir>/db}, durable across a crash of the process. */
    public static StoreSettings embedded(Path dataDir, int poolSize) {
        return embedded(dataDir, poolSize, EmbeddedSync.NORMAL);
    }

    /** The embedded database with the given fsync policy ({@link EmbeddedSync}); it travels in the URL. */
    public static StoreSettings embedded(Path dataDir, int poolSize, EmbeddedSync sync) {
        Path file = embeddedDirectory(dataDir).resolve(EMBEDDED_FILE);
        return new StoreSettings("jdbc:sqlite:" + file + "?synchronous=" + sync.pragma(), null, null, poolSize);
    }

    /** Where the embedded database keeps its files. */
    public static Path embeddedDirectory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("db");
    }

    public Backend backend() {
        return Backend.of(jdbcUrl);
    }

    /** The URL with any password in it masked, for messages and logs. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    /** The embedded database's file, for a SQLite URL; empty for PostgreSQL. */
    public Optional<Path> sqliteFile() {
        if (backend() != Backend.SQLITE) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        return Optional.of(Path.of(query < 0 ? path : path.substring(0, query)));
    }

    static String redact(String url) {
        String masked = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        return USER_INFO_IN_URL.matcher(masked).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + ", acceptLinger="
                + acceptLinger + "]";
    }
}
