package io.glossa.client;

/** The server refused a request: {@link #status()} and the problem's {@code type} and {@code detail} say why. */
public final class GlossaClientException extends RuntimeException {
    private final int status;
    private final String type;

    public GlossaClientException(int status, String type, String detail) {
        super(status + " " + type + ": " + detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type, e.g. {@code /problems/invalid-field}. */
    public String type() {
        return type;
    }
}
