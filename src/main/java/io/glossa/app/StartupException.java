package io.glossa.app;

/**
 * A role could not start for a reason the user can fix (port taken, a setting the store rejects). Its message is one
 * line naming the problem and the flag to change.
 */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
