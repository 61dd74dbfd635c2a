package io.glossa.pipeline;

import io.glossa.testing.MutableClock;

/** The UI store kit on the in-memory fakes that unit tests use, so that the fakes keep the ports' contract. */
class InMemoryUiStoreTest extends UiStoreKit {
    @Override
    protected UiStores freshStores(MutableClock clock) {
        InMemoryTextStore texts = new InMemoryTextStore(clock);
        return new UiStores(texts, new InMemoryFeedback(texts, clock), new InMemoryHistory(texts));
    }
}
