package io.glossa.app;

import io.glossa.access.ApiKeys;
import io.glossa.access.KeySecrets;
import io.glossa.access.RateLimit;
import io.glossa.access.RateLimiter;
import io.glossa.store.Database;
import io.glossa.web.AccessSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the HTTP API of a role.
 *
 * @param defaultLimit the rate of keys without their own limit
 * @param keyCache     how long a checked key is trusted without asking the database again
 * @param corsOrigins  origins whose pages may call the API; empty: same origin only
 */
public record AccessPolicy(boolean requireApiKey, RateLimit defaultLimit, Duration keyCache, List<String> corsOrigins) {
    private static final Logger LOG = LoggerFactory.getLogger(AccessPolicy.class);

    public AccessPolicy {
        Objects.requireNonNull(defaultLimit, "default rate limit");
        Objects.requireNonNull(keyCache, "key cache duration");
        corsOrigins = corsOrigins == null
                ? List.of()
                : corsOrigins.stream().filter(o -> o != null && !o.isBlank()).toList();
    }

    /** No key needed, no CORS origin: the defaults of serve. */
    public static AccessPolicy open() {
        return new AccessPolicy(false, RateLimit.parse("50/s", null), Duration.ofSeconds(10), List.of());
    }

    /** Keys required, checked without a cache (a revoked key stops working at once), the default rate. */
    public static AccessPolicy keysRequired() {
        return new AccessPolicy(true, RateLimit.parse("50/s", null), Duration.ZERO, List.of());
    }

    public AccessPolicy withRateLimit(RateLimit value) {
        return new AccessPolicy(requireApiKey, value, keyCache, corsOrigins);
    }

    public AccessPolicy withKeyCache(Duration value) {
        return new AccessPolicy(requireApiKey, defaultLimit, value, corsOrigins);
    }

    public AccessPolicy withCorsOrigins(List<String> value) {
        return new AccessPolicy(requireApiKey, defaultLimit, keyCache, value);
    }

    /** The API's access checks over the keys in {@code database}, with a log line saying what they are. */
    AccessSettings build(Database database) {
        String origins = corsOrigins.isEmpty() ? "none" : String.join(", ", corsOrigins);
        if (!requireApiKey) {
            LOG.info(
                    "access: the API is open (no key needed; --require-api-key to require one); CORS origins: {}",
                    origins);
            return new AccessSettings(Optional.empty(), null, corsOrigins);
        }
        ApiKeys keys = new ApiKeys(database.apiKeys(), new KeySecrets(), Clock.systemUTC(), keyCache);
        long active = keys.list().stream().filter(k -> k.active()).count();
        LOG.info(
                "access: API keys required ({} active; default limit {}; checked keys cached {} ms); CORS origins: {}",
                active,
                defaultLimit.describe(),
                keyCache.toMillis(),
                origins);
        if (active == 0) {
            LOG.warn(
                    "access: no active API key yet, so every /api/ request is refused; create one with 'glossa keys create'");
        }
        return new AccessSettings(Optional.of(keys), new RateLimiter(defaultLimit), corsOrigins);
    }
}
