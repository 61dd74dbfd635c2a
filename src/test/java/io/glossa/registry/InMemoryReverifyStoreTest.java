package io.glossa.registry;

import io.glossa.pipeline.InMemoryFeedback;
import io.glossa.pipeline.InMemoryTextStore;
import io.glossa.testing.MutableClock;

/** The re-verify kit on in-memory fakes of its ports, so that they keep the same contract as the JDBC stores. */
class InMemoryReverifyStoreTest extends ReverifyStoreKit {
    @Override
    protected ReverifyStores freshStores(MutableClock clock) {
        InMemoryTextStore texts = new InMemoryTextStore(clock);
        InMemoryFeedback feedback = new InMemoryFeedback(texts, clock);
        InMemoryShadowResults shadow = new InMemoryShadowResults();
        InMemoryReverify runs = new InMemoryReverify(texts, feedback, clock);
        return new ReverifyStores(
                texts, feedback, runs, new InMemoryComparisons(texts, shadow, runs, feedback), shadow);
    }
}
