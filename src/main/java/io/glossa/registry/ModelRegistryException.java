package io.glossa.registry;

/** A registry request that cannot be done as asked (unknown or duplicate version, nothing to roll back to). */
public final class ModelRegistryException extends RuntimeException {
    public ModelRegistryException(String message) {
        super(message);
    }
}
