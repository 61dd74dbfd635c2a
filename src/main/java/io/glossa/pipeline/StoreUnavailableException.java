package io.glossa.pipeline;

/**
 * The store could not do what was asked (database unreachable, or a statement failed). The message is one line a
 * user or operator can act on and never contains a password; callers answer 503 or retry.
 */
public final class StoreUnavailableException extends RuntimeException {
    private final boolean outage;

    /** A failure that says nothing about whether the database is reachable (e.g. a statement it refused). */
    public StoreUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreUnavailableException(String message, Throwable cause, boolean outage) {
        super(message, cause);
        this.outage = outage;
    }

    /**
     * True when the database could not be reached at all (connection refused or lost, no pooled connection in time,
     * server shutting down): the same work may succeed later, so it says nothing about the job at hand.
     */
    public boolean isOutage() {
        return outage;
    }
}
