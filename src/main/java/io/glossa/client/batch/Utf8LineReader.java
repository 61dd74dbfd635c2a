package io.glossa.client.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads '\n'-terminated lines of strict UTF-8 in constant memory. Unlike a {@code BufferedReader}, a
 * malformed line does not end the stream: it comes back as a bad {@link InputLine} with its line number
 * and byte offset, and reading goes on with the next line. Lines longer than the limit are reported as
 * bad and skipped, so one huge line cannot exhaust the heap. A trailing '\r' and a leading BOM are dropped.
 */
public final class Utf8LineReader {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean tooLong;
    private long number;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(256);

    public Utf8LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or {@code null} at the end of the stream. */
    public InputLine next() throws IOException {
        lineLength = 0;
        tooLong = false;
        boolean sawAnything = false;
        while (true) {
            if (pos == limit && !fill()) {
                return sawAnything ? finish() : null;
            }
            sawAnything = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            if (pos < limit) {
                pos++; // the '\n'
                return finish();
            }
        }
    }

    /** True when more input is already waiting, so the caller may delay flushing its output. */
    public boolean hasBufferedInput() throws IOException {
        return pos < limit || (!eof && in.available() > 0);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(int start, int length) {
        if (tooLong || length == 0) {
            return;
        }
        if (lineLength + length > maxLineBytes) {
            tooLong = true;
            return;
        }
        if (lineLength + length > line.length) {
            byte[] bigger = new byte[Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + length))];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        System.arraycopy(buf, start, line, lineLength, length);
        lineLength += length;
    }

    private InputLine finish() {
        number++;
        if (tooLong) {
            return InputLine.bad(number, "line longer than " + maxLineBytes + " bytes");
        }
        int from = 0;
        int to = lineLength;
        if (to > 0 && line[to - 1] == '\r') {
            to--;
        }
        if (number == 1
                && to >= 3
                && (line[0] & 0xff) == 0xEF
                && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            from = 3;
        }
        return decode(from, to);
    }

    private InputLine decode(int from, int to) {
        ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
        if (chars.capacity() < to - from) {
            chars = CharBuffer.allocate(to - from); // UTF-8 never yields more chars than bytes
        }
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            return InputLine.bad(number, "invalid UTF-8 at byte " + (bytes.position() - from + 1));
        }
        chars.flip();
        return InputLine.ok(number, chars.toString());
    }
}
