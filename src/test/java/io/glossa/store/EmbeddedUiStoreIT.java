package io.glossa.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The UI's store kit on the embedded SQLite database. */
class EmbeddedUiStoreIT extends JdbcUiStoreKit {
    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings freshDatabase() {
        return StoreSettings.embedded(dataDir, StoreSettings.DEFAULT_POOL_SIZE);
    }
}
