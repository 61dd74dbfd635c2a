package io.glossa.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuing, listing, revoking and checking API keys. Checks are cached in memory for {@code cacheTtl} (answers
 * "unknown" included), so a busy client does not cost a database query per request; the price is that a revoked
 * key keeps working in a running API process for up to that long.
 */
public final class ApiKeys {
    static final int MAX_NAME_LENGTH = 100;
    /** Bounds the cache against a flood of made-up keys; when full it starts over (a few extra queries, no harm). */
    private static final int MAX_CACHED = 10_000;

    private final ApiKeyStore store;
    private final KeySecrets secrets;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeys(ApiKeyStore store, KeySecrets secrets, Clock clock, Duration cacheTtl) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /**
     * @param name a label for people ("ci", "alice's laptop"); empty is allowed
     * @throws IllegalArgumentException if the name is too long or has control characters
     */
    public IssuedKey issue(String name, Optional<RateLimit> rateLimit) {
        return issue(name, rateLimit, KeyScope.USER);
    }

    /**
     * @param scope {@link KeyScope#ADMIN} for operators: the key sees every key's texts, results and events
     * @throws IllegalArgumentException if the name is too long or has control characters
     */
    public IssuedKey issue(String name, Optional<RateLimit> rateLimit, KeyScope scope) {
        String label = name == null ? "" : name.strip();
        if (label.length() > MAX_NAME_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "a key name has at most " + MAX_NAME_LENGTH + " characters and no control characters");
        }
        String secret = secrets.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new IssuedKey(store.add(label, KeySecrets.hash(secret), rateLimit, scope, now), secret);
    }

    public List<ApiKey> list() {
        return store.list();
    }

    /** @return the key as it is now, or empty if no key has that id */
    public Optional<ApiKey> revoke(long id) {
        return store.revoke(id, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** The active key this secret belongs to; empty if it is unknown, revoked or obviously not a key. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > KeySecrets.MAX_LENGTH) {
            return Optional.empty();
        }
        return byHash(KeySecrets.hash(secret), cacheTtl);
    }

    /**
     * Checks again a key that opened a request still running (an event stream, a long-poll), which is re-checked
     * every {@code period}: the answer is at most the cache period minus that old, so a revoked key is noticed
     * within the cache period of its revocation, as on a new request.
     *
     * @param secret what the request presented
     */
    public Optional<ApiKey> recheck(String secret, Duration period) {
        Duration maxAge = cacheTtl.minus(period);
        return byHash(KeySecrets.hash(secret), maxAge.isNegative() ? Duration.ZERO : maxAge);
    }

    private Optional<ApiKey> byHash(String hash, Duration maxAge) {
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached == null || !now.isBefore(cached.checkedAt().plus(maxAge))) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cached = new Cached(store.findByHash(hash).filter(ApiKey::active), now);
            cache.put(hash, cached);
        }
        return cached.key();
    }

    private record Cached(Optional<ApiKey> key, Instant checkedAt) {}
}
