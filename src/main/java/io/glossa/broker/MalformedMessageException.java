package io.glossa.broker;

/** A delivered body that can never become a job; the message says why, for the failed queue. */
final class MalformedMessageException extends Exception {
    public MalformedMessageException(String reason) {
        super(reason);
    }
}
