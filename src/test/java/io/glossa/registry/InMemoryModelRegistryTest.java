package io.glossa.registry;

import io.glossa.testing.MutableClock;

/** The registry kit on the in-memory fake that unit tests use, so that the fake keeps the port's contract. */
class InMemoryModelRegistryTest extends ModelRegistryKit {
    @Override
    protected ModelRegistry freshRegistry(MutableClock clock) {
        return new InMemoryModelRegistry(clock);
    }
}
