package io.glossa.corpus;

/** A corpus file that cannot be used: missing, unreadable or with too many bad lines. The message is for users. */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
