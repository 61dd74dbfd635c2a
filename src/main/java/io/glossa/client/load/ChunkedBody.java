package io.glossa.client.load;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a chunked HTTP/1.1 response as a plain stream, read as the chunks arrive (an event stream never
 * ends, so it cannot be read whole first). End of stream after the last chunk and its trailers, so a kept-alive
 * connection is left at the next response; an IOException when the connection ends inside a chunk or a chunk size
 * is not hexadecimal.
 */
final class ChunkedBody extends InputStream {
    private static final int MAX_SIZE_LINE = 1024;

    private final InputStream in;
    private long left;
    private boolean ended;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n < 0) {
            throw new IOException("the server closed the connection inside a chunk");
        }
        left -= n;
        if (left == 0) {
            sizeLine(); // the CRLF that ends the chunk
        }
        return n;
    }

    /** False after the last (zero-size) chunk. */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String line = sizeLine();
        int semicolon = line.indexOf(';');
        try {
            left = Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("a bad chunk size: " + line);
        }
        if (left < 0) {
            throw new IOException("a bad chunk size: " + line);
        }
        if (left == 0) {
            ended = true;
            while (!sizeLine().isEmpty()) {
                // trailers, up to the empty line that ends the body: the connection may carry another response
            }
            return false;
        }
        return true;
    }

    private String sizeLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection between chunks");
            }
            if (line.length() >= MAX_SIZE_LINE) {
                throw new IOException("a chunk size line over " + MAX_SIZE_LINE + " bytes");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
