package io.glossa.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issuing and checking keys over an in-memory store that counts lookups (the cache's point). */
class ApiKeysTest {
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeys keys = new ApiKeys(store, new KeySecrets(), clock, Duration.ofSeconds(10));

    @Test
    void secretsAreLongRandomAndBase64Url() {
        KeySecrets secrets = new KeySecrets(new SecureRandom());
        String a = secrets.generate();
        String b = secrets.generate();
        assertThat(a).matches("gk_[A-Za-z0-9_-]{43}").isNotEqualTo(b);
        assertThat(KeySecrets.hash(a)).matches("[0-9a-f]{64}").isNotEqualTo(KeySecrets.hash(b));
    }

    @Test
    void aValidatedKeyIsServedFromMemoryUntilTheCacheTimeRunsOut() {
        IssuedKey issued = keys.issue(" ci ", Optional.empty());
        assertThat(issued.key().name()).isEqualTo("ci");
        assertThat(issued.toString()).doesNotContain(issued.secret());

        assertThat(keys.authenticate(issued.secret())).isPresent();
        assertThat(keys.authenticate(issued.secret())).isPresent();
        assertThat(store.lookups).isEqualTo(1);

        keys.revoke(issued.key().id());
        assertThat(keys.authenticate(issued.secret()))
                .as("cached for up to 10 s")
                .isPresent();
        clock.advance(Duration.ofSeconds(10));
        assertThat(keys.authenticate(issued.secret())).isEmpty();
        assertThat(store.lookups).isEqualTo(2);
    }

    @Test
    void unknownAnswersAreCachedTooAndOverlongSecretsNeverReachTheStore() {
        assertThat(keys.authenticate("gk_nope")).isEmpty();
        assertThat(keys.authenticate("gk_nope")).isEmpty();
        assertThat(keys.authenticate("x".repeat(KeySecrets.MAX_LENGTH + 1))).isEmpty();
        assertThat(store.lookups).isEqualTo(1);
    }
}
