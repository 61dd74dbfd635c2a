package io.glossa.pipeline;

/** A submission the pipeline refuses; the message says what to change and is safe to show to a client. */
public final class InvalidSubmissionException extends RuntimeException {
    /** Why it was refused; adapters map each reason to their own error (e.g. an HTTP status). */
    public enum Reason {
        EMPTY_TEXT,
        TEXT_TOO_LARGE,
        INVALID_TEXT,
        EMPTY_BATCH,
        BATCH_TOO_LARGE,
        INVALID_QUESTION
    }

    private final Reason reason;

    public InvalidSubmissionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
