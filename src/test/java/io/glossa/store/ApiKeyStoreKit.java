package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.MutableClock;
import io.glossa.access.ApiKey;
import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.access.KeyScope;
import io.glossa.access.KeySecrets;
import io.glossa.access.RateLimit;
import io.glossa.pipeline.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API key store, run unchanged against each backend. */
abstract class ApiKeyStoreKit {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00.123456Z");
    private MutableClock clock;
    private Database database;
    private JdbcApiKeyStore store;
    private ApiKeys keys;

    protected abstract StoreSettings freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(START);
        database = Database.open(freshDatabase());
        store = new JdbcApiKeyStore(database);
        keys = new ApiKeys(store, new KeySecrets(), clock, Duration.ZERO);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aKeysScopeIsStoredAndUserUnlessAskedForAdmin() {
        IssuedKey user = keys.issue("alice", Optional.empty());
        IssuedKey admin = keys.issue("ops", Optional.empty(), KeyScope.ADMIN);

        assertThat(user.key().scope()).isEqualTo(KeyScope.USER);
        assertThat(admin.key().admin()).isTrue();
        assertThat(keys.authenticate(admin.secret())).map(ApiKey::scope).contains(KeyScope.ADMIN);
        assertThat(keys.authenticate(user.secret())).map(ApiKey::scope).contains(KeyScope.USER);
        assertThat(keys.list()).extracting(ApiKey::name, ApiKey::scope).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", KeyScope.USER),
                org.assertj.core.groups.Tuple.tuple("ops", KeyScope.ADMIN));
        assertThat(keys.revoke(admin.key().id())).map(ApiKey::scope).as("revoking keeps the scope").contains(KeyScope.ADMIN);
    }

    @Test
    void anIssuedKeyIsStoredAsAHashOnlyAndAuthenticates() throws Exception {
        IssuedKey issued = keys.issue("ci", Optional.empty());

        assertThat(issued.secret()).startsWith("gk_").hasSize(3 + 43);
        assertThat(issued.key().name()).isEqualTo("ci");
        assertThat(issued.key().createdAt()).isEqualTo(START);
        assertThat(keys.authenticate(issued.secret())).map(ApiKey::id).contains(issued.key().id());
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT secret_hash FROM api_keys WHERE id = ?")) {
            s.setLong(1, issued.key().id());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(KeySecrets.hash(issued.secret())).doesNotContain(issued.secret());
            }
        }
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

        assertThat(keys.list()).extracting(ApiKey::id).containsExactly(first.key().id(), second.key().id());
        ApiKey listed = keys.list().get(0);
        assertThat(listed.rateLimit()).contains(new RateLimit(0.5, 3));
        assertThat(listed.active()).isFalse();
        assertThat(keys.list().get(1).rateLimit()).isEmpty();
        assertThat(keys.list().get(1).createdAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void twoKeysNeverShareAHash() {
        String hash = KeySecrets.hash("gk_fixed");
        store.add("a", hash, Optional.empty(), START);
        assertThatThrownBy(() -> store.add("b", hash, Optional.empty(), START))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> keys.issue("x".repeat(101), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.issue("a\nb", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.list()).isEmpty();
    }
}
