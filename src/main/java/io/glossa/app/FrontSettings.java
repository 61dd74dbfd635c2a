package io.glossa.app;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The API side of a role (serve, api): HTTP, access, and how long accepted texts are kept.
 *
 * @param retention empty: texts are kept forever
 */
public record FrontSettings(HttpSettings http, AccessPolicy access, Optional<Duration> retention) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public FrontSettings {
        Objects.requireNonNull(http, "http settings");
        Objects.requireNonNull(access, "access policy");
        retention = retention == null ? Optional.empty() : retention;
        if (retention.map(d -> d.isZero() || d.isNegative()).orElse(false)) {
            throw new IllegalArgumentException("--retain must be longer than 0; use 'forever' to keep texts");
        }
    }

    /** An open API on {@code http}, keeping texts the default 30 days. */
    public static FrontSettings of(HttpSettings http) {
        return new FrontSettings(http, AccessPolicy.open(), Optional.of(DEFAULT_RETENTION));
    }

    public FrontSettings withHttp(HttpSettings value) {
        return new FrontSettings(value, access, retention);
    }

    public FrontSettings withAccess(AccessPolicy value) {
        return new FrontSettings(http, value, retention);
    }
}
