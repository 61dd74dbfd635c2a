package io.glossa.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ApiKeyStore} compatibility kit, through the {@link ApiKeys} policy that uses it, run unchanged against
 * each implementation (the JDBC store on both backends, the in-memory fake) by a subclass that opens an empty one.
 */
public abstract class ApiKeyStoreKit {
    protected static final Instant START = Instant.parse("2026-01-01T10:00:00.123456Z");
    protected MutableClock clock;
    protected ApiKeyStore store;
    protected ApiKeys keys;

    /** A store with no keys in it; called once per test. */
    protected abstract ApiKeyStore freshStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(START);
        store = freshStore();
        keys = new ApiKeys(store, new KeySecrets(), clock, Duration.ZERO);
    }

    @Test
    void anIssuedKeyAuthenticatesAndIsFoundByTheHashOfItsSecret() {
        IssuedKey issued = keys.issue("ci", Optional.empty());

        assertThat(issued.secret()).startsWith("gk_").hasSize(3 + 43);
        assertThat(issued.key().name()).isEqualTo("ci");
        assertThat(issued.key().createdAt()).isEqualTo(START);
        assertThat(keys.authenticate(issued.secret()))
                .map(ApiKey::id)
                .contains(issued.key().id());
        assertThat(store.findByHash(KeySecrets.hash(issued.secret())))
                .map(ApiKey::id)
                .contains(issued.key().id());
        assertThat(store.findByHash(issued.secret()))
                .as("found by its hash only")
                .isEmpty();
    }

    @Test
    void aKeysScopeIsStoredAndUserUnlessAskedForAdmin() {
        IssuedKey user = keys.issue("alice", Optional.empty());
        IssuedKey admin = keys.issue("ops", Optional.empty(), KeyScope.ADMIN);

        assertThat(user.key().scope()).isEqualTo(KeyScope.USER);
        assertThat(admin.key().admin()).isTrue();
        assertThat(keys.authenticate(admin.secret())).map(ApiKey::scope).contains(KeyScope.ADMIN);
        assertThat(keys.authenticate(user.secret())).map(ApiKey::scope).contains(KeyScope.USER);
        assertThat(keys.list())
                .extracting(ApiKey::name, ApiKey::scope)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice", KeyScope.USER),
                        org.assertj.core.groups.Tuple.tuple("ops", KeyScope.ADMIN));
        assertThat(keys.revoke(admin.key().id()))
                .map(ApiKey::scope)
                .as("revoking keeps the scope")
                .contains(KeyScope.ADMIN);
    }

    @Test
    void unknownSecretsDoNotAuthenticate() {
        IssuedKey issued = keys.issue("", Optional.empty());
        assertThat(keys.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(keys.authenticate("gk_" + "A".repeat(43))).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate("x".repeat(KeySecrets.MAX_LENGTH + 1))).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesAndKeepsItsFirstRevocationTime() {
        IssuedKey issued = keys.issue("laptop", Optional.of(new RateLimit(5, 10)));
        clock.advance(Duration.ofSeconds(3));
        Optional<ApiKey> revoked = keys.revoke(issued.key().id());
        clock.advance(Duration.ofSeconds(3));
        Optional<ApiKey> again = keys.revoke(issued.key().id());

        assertThat(revoked).map(ApiKey::revokedAt).contains(START.plusSeconds(3));
        assertThat(again).map(ApiKey::revokedAt).contains(START.plusSeconds(3));
        assertThat(keys.authenticate(issued.secret())).isEmpty();
        assertThat(keys.revoke(issued.key().id() + 1000)).isEmpty();
    }

    @Test
    void listShowsEveryKeyOldestFirstWithItsRateLimit() {
        IssuedKey first = keys.issue("first", Optional.of(new RateLimit(0.5, 3)));
        clock.advance(Duration.ofSeconds(1));
        IssuedKey second = keys.issue("second", Optional.empty());
        keys.revoke(first.key().id());

        assertThat(keys.list())
                .extracting(ApiKey::id)
                .containsExactly(first.key().id(), second.key().id());
        ApiKey listed = keys.list().get(0);
        assertThat(listed.rateLimit()).contains(new RateLimit(0.5, 3));
        assertThat(listed.active()).isFalse();
        assertThat(keys.list().get(1).rateLimit()).isEmpty();
        assertThat(keys.list().get(1).createdAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> keys.issue("x".repeat(101), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.issue("a\nb", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.list()).isEmpty();
    }
}
