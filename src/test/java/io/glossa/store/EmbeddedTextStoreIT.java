package io.glossa.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store kit on the embedded SQLite database, in a fresh directory per test. */
class EmbeddedTextStoreIT extends JdbcTextStoreKit {
    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings freshDatabase() {
        return StoreSettings.embedded(dataDir, StoreSettings.DEFAULT_POOL_SIZE);
    }
}
