package io.glossa.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The re-verify kit on the embedded SQLite database. */
class EmbeddedReverifyStoreIT extends JdbcReverifyStoreKit {
    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings freshDatabase() {
        return StoreSettings.embedded(dataDir, StoreSettings.DEFAULT_POOL_SIZE);
    }
}
