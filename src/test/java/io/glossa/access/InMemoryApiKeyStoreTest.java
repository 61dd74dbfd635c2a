package io.glossa.access;

/** The key store kit on the in-memory fake that unit tests use, so that the fake keeps the port's contract. */
class InMemoryApiKeyStoreTest extends ApiKeyStoreKit {
    @Override
    protected ApiKeyStore freshStore() {
        return new InMemoryApiKeyStore();
    }
}
