package io.glossa.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * A request body as the JSON parser reads it: at most {@code maxBytes}, strict UTF-8, and arriving at a minimum
 * rate. Each check fails with a {@link ProblemException} the moment its byte is read, so nothing past the limit is
 * ever buffered.
 *
 * <p>Why a minimum rate: reading a body blocks a server thread, and a client sending one byte a second keeps its
 * request alive (each byte restarts the idle timeout), so 300 such clients once held every thread. The clock starts
 * when the handler begins to read, so a body that already arrived whole never counts as slow (Jetty's own minimum
 * data rate counts from the first byte received, and refused small bodies on a loaded server).
 */
final class BodyInput extends FilterInputStream {
    /** Slowest body accepted once {@link #SLOW_BODY_GRACE_NANOS} have passed since the handler began reading it. */
    static final long MIN_BYTES_PER_SECOND = 1024;

    static final long SLOW_BODY_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final long maxBytes;
    private final long startNanos;
    private final Utf8Validator utf8 = new Utf8Validator();
    private long total;

    BodyInput(InputStream in, long maxBytes, long startNanos) {
        super(in);
        this.maxBytes = maxBytes;
        this.startNanos = startNanos;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // one byte past the limit is enough to know the body is too large
        int n = super.read(b, off, (int) Math.min(len, maxBytes + 1 - total));
        if (n < 0) {
            if (!utf8.complete()) {
                throw invalidUtf8();
            }
            return n;
        }
        total += n;
        if (total > maxBytes) {
            throw new ProblemException(
                    413,
                    "body-too-large",
                    "Payload Too Large",
                    "the request body is over " + maxBytes + " bytes; this endpoint accepts at most " + maxBytes
                            + " bytes");
        }
        if (!utf8.accept(b, off, n)) {
            throw invalidUtf8();
        }
        checkRate();
        return n;
    }

    /**
     * Reads and drops what is left of a body already refused for its content, up to the limit and at the minimum
     * rate. Jetty resets the connection of a request whose body was abandoned, and the reset can overtake the answer
     * on its way, so the client would see no answer at all.
     */
    void discardRest() {
        byte[] buffer = new byte[8192];
        try {
            while (total <= maxBytes) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total));
                if (n < 0) {
                    return;
                }
                total += n;
                checkRate();
            }
        } catch (IOException | ProblemException e) {
            // the answer goes out all the same; Jetty closes the connection after it
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a request body is parsed, never skipped");
    }

    private void checkRate() {
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed > SLOW_BODY_GRACE_NANOS && total * 1_000_000_000.0 / elapsed < MIN_BYTES_PER_SECOND) {
            throw new ProblemException(
                    408,
                    "slow-body",
                    "Request Timeout",
                    "the request body arrived at less than " + MIN_BYTES_PER_SECOND + " bytes/s; send it at once");
        }
    }

    private static ProblemException invalidUtf8() {
        return new ProblemException(
                400, "invalid-utf8", "Invalid UTF-8", "the request body is not valid UTF-8 (or holds a raw NUL byte)");
    }
}
