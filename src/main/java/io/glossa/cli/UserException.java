package io.glossa.cli;

/** A failure the user can fix (a file that cannot be written, bad input); the message is shown as is. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }

    UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
