package io.glossa.pipeline;

/**
 * The store could not do what was asked (database unreachable, or a statement failed). The message is one line a
 * user or operator can act on and never contains a password; callers answer 503 or retry.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
