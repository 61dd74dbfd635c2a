package io.glossa.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Marks write failures of stdout, so that a reader that stopped early ({@code glossa predict | head}) ends the
 * command quietly instead of being reported as an error, while input errors are still reported.
 */
final class ClosedOutputGuard extends FilterOutputStream {
    /** Exit status of a process whose output pipe was closed, as shells report it (128 + SIGPIPE). */
    static final int EXIT_PIPE_CLOSED = 141;

    ClosedOutputGuard(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    /** stdout cannot be written any more. */
    static final class OutputClosedException extends IOException {
        OutputClosedException(IOException cause) {
            super("output closed: " + cause.getMessage(), cause);
        }
    }
}
