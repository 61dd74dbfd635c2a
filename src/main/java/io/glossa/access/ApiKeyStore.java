package io.glossa.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept (by the hash of their secret), shared by every API process of a deployment. */
public interface ApiKeyStore {
    /** Stores a new active key. */
    ApiKey add(String name, String secretHash, Optional<RateLimit> rateLimit, KeyScope scope, Instant createdAt);

    /** Stores a new active {@link KeyScope#USER} key. */
    default ApiKey add(String name, String secretHash, Optional<RateLimit> rateLimit, Instant createdAt) {
        return add(name, secretHash, rateLimit, KeyScope.USER, createdAt);
    }

    /** Every key, active and revoked, oldest first. */
    List<ApiKey> list();

    /** The key whose secret has this hash, active or revoked. */
    Optional<ApiKey> findByHash(String secretHash);

    /**
     * Marks a key revoked at {@code at}; a key revoked before keeps its first revocation time.
     * @return the key as it is now, or empty if no key has that id
     */
    Optional<ApiKey> revoke(long id, Instant at);
}
