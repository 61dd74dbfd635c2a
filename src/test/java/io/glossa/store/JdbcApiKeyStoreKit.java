package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.access.ApiKeyStore;
import io.glossa.access.ApiKeyStoreKit;
import io.glossa.access.IssuedKey;
import io.glossa.access.KeySecrets;
import io.glossa.pipeline.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC key store's own kit, on top of the port kit it inherits: what only its table shows (the secret kept as a
 * hash, a unique hash). A tiny subclass per backend says how to get a fresh, empty database.
 */
abstract class JdbcApiKeyStoreKit extends ApiKeyStoreKit {
    private Database database;

    protected abstract StoreSettings freshDatabase() throws Exception;

    @Override
    protected ApiKeyStore freshStore() throws Exception {
        database = Database.open(freshDatabase());
        return new JdbcApiKeyStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anIssuedKeysSecretIsStoredAsAHashOnly() throws Exception {
        IssuedKey issued = keys.issue("ci", Optional.empty());

        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT secret_hash FROM api_keys WHERE id = ?")) {
            s.setLong(1, issued.key().id());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                assertThat(row.getString(1))
                        .isEqualTo(KeySecrets.hash(issued.secret()))
                        .doesNotContain(issued.secret());
            }
        }
    }

    @Test
    void twoKeysNeverShareAHash() {
        String hash = KeySecrets.hash("gk_fixed");
        store.add("a", hash, Optional.empty(), START);
        assertThatThrownBy(() -> store.add("b", hash, Optional.empty(), START))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(store.list()).hasSize(1);
    }
}
