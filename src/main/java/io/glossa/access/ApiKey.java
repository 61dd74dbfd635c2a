package io.glossa.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API key, without its secret (only a hash of that is kept).
 *
 * @param rateLimit the key's own limit, or empty for the server's default ({@code --rate-limit})
 * @param revokedAt when the key was revoked, or null while it is active
 * @param scope     whose data the key sees: its own ({@link KeyScope#USER}) or everyone's ({@link KeyScope#ADMIN})
 */
public record ApiKey(
        long id, String name, Instant createdAt, Instant revokedAt, Optional<RateLimit> rateLimit, KeyScope scope) {
    public ApiKey {
        java.util.Objects.requireNonNull(scope, "scope");
    }

    /** A {@link KeyScope#USER} key. */
    public ApiKey(long id, String name, Instant createdAt, Instant revokedAt, Optional<RateLimit> rateLimit) {
        this(id, name, createdAt, revokedAt, rateLimit, KeyScope.USER);
    }

    public boolean admin() {
        return scope == KeyScope.ADMIN;
    }

    public boolean active() {
        return revokedAt == null;
    }
}
