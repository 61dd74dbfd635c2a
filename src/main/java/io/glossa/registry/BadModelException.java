package io.glossa.registry;

/** A stored model that must not be used: it does not load, its checksum differs, or it fails the smoke test. */
public final class BadModelException extends RuntimeException {
    public BadModelException(String message) {
        super(message);
    }

    public BadModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
