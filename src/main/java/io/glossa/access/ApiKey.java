package io.glossa.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API key, without its secret (only a hash of that is kept).
 *
 * @param rateLimit the key's own limit, or empty for the server's default ({@code --rate-limit})
 * @param revokedAt when the key was revoked, or null while it is active
 */
public record ApiKey(long id, String name, Instant createdAt, Instant revokedAt, Optional<RateLimit> rateLimit) {
    public boolean active() {
        return revokedAt == null;
    }
}
