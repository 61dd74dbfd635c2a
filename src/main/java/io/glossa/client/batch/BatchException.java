package io.glossa.client.batch;

/** A batch through the queue cannot go on (the API accepts nothing, no results arrive); the message says why. */
public final class BatchException extends RuntimeException {
    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }

    public BatchException(String message) {
        super(message);
    }
}
