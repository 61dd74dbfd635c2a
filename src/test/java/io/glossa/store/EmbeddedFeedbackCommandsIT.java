package io.glossa.store;

import java.util.List;

/** {@code train/evaluate --feedback} on the embedded SQLite database under a temporary --data-dir. */
class EmbeddedFeedbackCommandsIT extends FeedbackCommandsKit {
    @Override
    protected StoreSettings freshDatabase() {
        return StoreSettings.embedded(dir.resolve("data"), StoreSettings.DEFAULT_POOL_SIZE);
    }

    @Override
    protected List<String> storeArgs(StoreSettings settings) {
        return List.of("--data-dir", dir.resolve("data").toString());
    }
}
