package io.glossa.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The API key store kit on the embedded SQLite database. */
class EmbeddedApiKeyStoreIT extends JdbcApiKeyStoreKit {
    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings freshDatabase() {
        return StoreSettings.embedded(dataDir, 2);
    }
}
