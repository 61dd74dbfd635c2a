package io.glossa.store;

import io.glossa.registry.ReverifyStoreKit;
import io.glossa.testing.MutableClock;

/** The re-verify kit on the JDBC stores; a tiny subclass per backend says how to get a fresh, empty database. */
abstract class JdbcReverifyStoreKit extends ReverifyStoreKit {
    protected abstract StoreSettings freshDatabase() throws Exception;

    @Override
    protected ReverifyStores freshStores(MutableClock clock) throws Exception {
        JdbcTextStore texts = JdbcTextStore.open(freshDatabase(), clock);
        Database database = texts.database();
        return new ReverifyStores(
                texts,
                new JdbcFeedback(database, clock),
                new JdbcReverify(database, clock),
                new JdbcComparisons(database),
                new JdbcShadowResults(database));
    }
}
