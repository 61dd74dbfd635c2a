package io.glossa.client.load;

import java.io.IOException;

/**
 * One HTTP/1.1 response read from bytes as they arrived, without a String per header: the status, where its body
 * is, and whether the connection stays open. It understands what the glossa API sends (a body with Content-Length
 * or chunked); anything else is an IOException.
 *
 * @param body      the body's bytes: {@code bytes} itself for Content-Length, a de-chunked copy for chunked
 * @param consumed  bytes of the input the response took (head and framed body)
 */
record ResponseFrame(int status, byte[] body, int bodyOffset, int bodyLength, int consumed, boolean close) {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** The response that starts at {@code bytes[0]}, or null if {@code bytes[0..length)} does not hold it whole yet. */
    static ResponseFrame read(byte[] bytes, int length) throws IOException {
        int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
        if (headEnd < 0) {
            if (length > MAX_HEADER_BYTES) {
                throw new IOException("response headers over " + MAX_HEADER_BYTES + " bytes");
            }
            return null;
        }
        int lineEnd = indexOf(bytes, 0, headEnd + 2, "\r\n");
        if (lineEnd < 12 || !startsWith(bytes, 0, "HTTP/1.") || bytes[8] != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + ascii(bytes, 0, Math.min(lineEnd, 200)));
        }
        int status = (int) digits(bytes, 9, 12, 10, "status");
        boolean close = bytes[7] == '0';
        long contentLength = -1;
        boolean chunked = false;
        for (int line = lineEnd + 2, end; line < headEnd; line = end + 2) {
            end = indexOf(bytes, line, headEnd + 2, "\r\n");
            int colon = indexOf(bytes, line, end, ":");
            if (colon <= line) {
                continue;
            }
            int value = skipSpaces(bytes, colon + 1, end);
            if (nameIs(bytes, line, colon, "content-length")) {
                contentLength = digits(bytes, value, trimEnd(bytes, value, end), 10, "Content-Length");
            } else if (nameIs(bytes, line, colon, "transfer-encoding")) {
                chunked = containsIgnoreCase(bytes, value, end, "chunked");
            } else if (nameIs(bytes, line, colon, "connection")) {
                close |= containsIgnoreCase(bytes, value, end, "close");
            }
        }
        int bodyStart = headEnd + 4;
        if (chunked) {
            return Chunks.read(bytes, bodyStart, length, status, close);
        }
        if (contentLength < 0) {
            throw new IOException("a response without Content-Length or chunked encoding");
        }
        if (contentLength > MAX_BODY_BYTES) {
            throw new IOException("a response body of " + contentLength + " bytes");
        }
        if (length - bodyStart < contentLength) {
            return null;
        }
        return new ResponseFrame(status, bytes, bodyStart, (int) contentLength, bodyStart + (int) contentLength, close);
    }

    /** The body as text, for a message to the user. */
    String bodyText() {
        return new String(body, bodyOffset, bodyLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    static int indexOf(byte[] bytes, int from, int to, String ascii) {
        int last = to - ascii.length();
        for (int i = from; i <= last; i++) {
            if (startsWith(bytes, i, ascii)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameIs(byte[] bytes, int from, int colon, String lowerName) {
        int end = trimEnd(bytes, from, colon);
        return end - from == lowerName.length() && regionIgnoreCase(bytes, from, lowerName);
    }

    private static boolean containsIgnoreCase(byte[] bytes, int from, int to, String lower) {
        for (int i = from; i <= to - lower.length(); i++) {
            if (regionIgnoreCase(bytes, i, lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionIgnoreCase(byte[] bytes, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            int b = bytes[at + k];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static int skipSpaces(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    static int trimEnd(byte[] bytes, int from, int to) {
        int end = to;
        while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /** The number written in {@code bytes[from..to)} in {@code radix} (10 or 16). */
    static long digits(byte[] bytes, int from, int to, int radix, String what) throws IOException {
        if (from >= to || to - from > 15) {
            throw new IOException("a bad " + what + ": " + ascii(bytes, from, to));
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(bytes[i], radix);
            if (digit < 0) {
                throw new IOException("a bad " + what + ": " + ascii(bytes, from, to));
            }
            value = value * radix + digit;
        }
        return value;
    }

    static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.max(0, to - from), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A chunked body, de-chunked once all of it (up to the last chunk's trailers) has arrived. */
    private static final class Chunks {
        private Chunks() {}

        static ResponseFrame read(byte[] bytes, int from, int length, int status, boolean close) throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            int at = from;
            while (true) {
                int lineEnd = indexOf(bytes, at, length, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                int semicolon = indexOf(bytes, at, lineEnd, ";");
                int sizeEnd = trimEnd(bytes, at, semicolon < 0 ? lineEnd : semicolon);
                long size = digits(bytes, skipSpaces(bytes, at, sizeEnd), sizeEnd, 16, "chunk size");
                if (body.size() + size > MAX_BODY_BYTES) {
                    throw new IOException("a chunked body over " + MAX_BODY_BYTES + " bytes");
                }
                at = lineEnd + 2;
                if (size == 0) {
                    return last(bytes, at, length, status, close, body.toByteArray());
                }
                if (length - at < size + 2) {
                    return null;
                }
                body.write(bytes, at, (int) size);
                at += (int) size + 2; // the chunk and its CRLF
            }
        }

        /** After the zero-size chunk: trailers up to an empty line. */
        private static ResponseFrame last(byte[] bytes, int at, int length, int status, boolean close, byte[] body) {
            int line = at;
            while (true) {
                int end = indexOf(bytes, line, length, "\r\n");
                if (end < 0) {
                    return null;
                }
                if (end == line) {
                    return new ResponseFrame(status, body, 0, body.length, end + 2, close);
                }
                line = end + 2;
            }
        }
    }
}
