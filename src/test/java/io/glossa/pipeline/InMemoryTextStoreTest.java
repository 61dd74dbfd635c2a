package io.glossa.pipeline;

import io.glossa.testing.MutableClock;

/** The store kit on the in-memory fake that unit tests use, so that the fake keeps the port's contract. */
class InMemoryTextStoreTest extends TextStoreKit {
    @Override
    protected TextStore freshStore(MutableClock clock) {
        return new InMemoryTextStore(clock);
    }
}
