package io.glossa.pipeline;

/** An idempotency key sent again with a request other than the one it was first used for. */
public final class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
