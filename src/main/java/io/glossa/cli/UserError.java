package io.glossa.cli;

/**
 * A problem the user can fix (bad flag value, missing file, unusable input). The CLI prints its message as one
 * line and exits non-zero, without a stack trace.
 */
final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
