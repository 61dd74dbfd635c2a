package io.glossa.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the store lives and how big its connection pool is. {@link #toString()} never shows the password.
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    // Options for the embedded H2 file database, and why:
    // MODE=PostgreSQL, DATABASE_TO_LOWER, DEFAULT_NULL_ORDERING=HIGH: the same SQL and identifiers as PostgreSQL.
    // WRITE_DELAY=100: commits reach the file within 100 ms (H2's default: 500 ms), so a crash of the process loses
    //   at most the texts accepted in its last ~100 ms; a graceful stop loses nothing. WRITE_DELAY=0 (a write per
    //   commit) would close that window, but H2 then writes a ~30 kB chunk per commit and stops its background
    //   housekeeping: measured here, the file grew to 5 GB for 196,000 texts, against 84 MB for 104,000 with 100 ms.
    //   H2 does not fsync per commit either, so an OS crash may lose more. Where that matters, use PostgreSQL.
    // LOCK_TIMEOUT=10000: concurrent writers to the same row (two deliveries of one job) wait instead of failing
    //   after H2's default 1 s under load.
    // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database under the pool while the process is
    //   still draining work; the store closes it.
    // TRACE_LEVEL_FILE=4: H2's own error trace goes to SLF4J (logger h2database) instead of a glossa.trace.db file,
    //   or to stderr as stack traces when that file cannot be written.
    // MAX_COMPACT_TIME=0: no compaction at close. H2 2.3.232's close-time compaction fails its own assertions here
    //   (RandomAccessStore.moveChunkInside) and data loss in it is reported upstream (h2database issue 4247);
    //   background compaction still runs while the database is open.
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=100;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4;MAX_COMPACT_TIME=0";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    /** @throws IllegalArgumentException naming the URL (password masked) if it is malformed or not supported */
    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
        if (Backend.of(jdbcUrl) == Backend.POSTGRESQL && org.postgresql.Driver.parseURL(jdbcUrl, null) == null) {
            throw new IllegalArgumentException("malformed PostgreSQL URL " + redact(jdbcUrl)
                    + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE[?options]");
        }
    }

    /** The embedded database: an H2 file database under {@code <dataDir>/db}. */
    public static StoreSettings embedded(Path dataDir, int poolSize) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("glossa");
        return new StoreSettings("jdbc:h2:file:" + file + H2_OPTIONS, "sa", "", poolSize);
    }

    public Backend backend() {
        return Backend.of(jdbcUrl);
    }

    /** The URL with any password in it masked (for H2: without its options), for messages and logs. */
    public String redactedUrl() {
        if (backend() == Backend.H2 && jdbcUrl.indexOf(';') > 0) {
            return redact(jdbcUrl.substring(0, jdbcUrl.indexOf(';')));
        }
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        String masked = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        return USER_INFO_IN_URL.matcher(masked).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
