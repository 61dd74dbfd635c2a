package io.glossa.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fake of the ApiKeyStore port that counts lookups (the cache's point); it passes the port's kit. */
final class InMemoryApiKeyStore implements ApiKeyStore {
    private final List<ApiKey> keys = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();
    int lookups;

    @Override
    public synchronized ApiKey add(
            String name, String secretHash, Optional<RateLimit> rateLimit, KeyScope scope, Instant createdAt) {
        ApiKey key = new ApiKey(keys.size() + 1, name, createdAt, null, rateLimit, scope);
        keys.add(key);
        hashes.add(secretHash);
        return key;
    }

    @Override
    public synchronized List<ApiKey> list() {
        return List.copyOf(keys);
    }

    @Override
    public synchronized Optional<ApiKey> findByHash(String secretHash) {
        lookups++;
        int index = hashes.indexOf(secretHash);
        return index < 0 ? Optional.empty() : Optional.of(keys.get(index));
    }

    @Override
    public synchronized Optional<ApiKey> revoke(long id, Instant at) {
        for (int i = 0; i < keys.size(); i++) {
            ApiKey k = keys.get(i);
            if (k.id() == id) {
                ApiKey revoked = new ApiKey(
                        k.id(),
                        k.name(),
                        k.createdAt(),
                        k.revokedAt() == null ? at : k.revokedAt(),
                        k.rateLimit(),
                        k.scope());
                keys.set(i, revoked);
                return Optional.of(revoked);
            }
        }
        return Optional.empty();
    }
}
