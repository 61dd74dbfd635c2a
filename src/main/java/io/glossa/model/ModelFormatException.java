package io.glossa.model;

/** A model file that cannot be loaded (truncated, corrupted, newer format, not a model). The message is for users. */
public final class ModelFormatException extends RuntimeException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
