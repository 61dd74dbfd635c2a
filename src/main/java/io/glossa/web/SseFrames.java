package io.glossa.web;

import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent event frames ({@code event:}, {@code id:}, one {@code data:} line of compact JSON) gathered in one
 * reusable buffer, so a burst of results leaves in one write and one flush. Javalin's own {@code sendEvent} writes
 * each line apart, through new reader buffers (about 32 KiB of garbage an event): at 1,000 results/s that was a
 * quarter of the API's garbage and one flush per event.
 */
final class SseFrames {
    /** Past this many bytes a burst is written out before more frames are added. */
    static final int FLUSH_BYTES = 32 * 1024;

    private final ObjectMapper json;
    private final Buffer buffer = new Buffer();

    SseFrames(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Adds one frame. The id and the event name must be one line each (they are a UUID and a constant here); the
     * JSON is written compact, and JSON escapes every line break inside strings, so the data is one line too.
     */
    void add(String event, String id, JsonSerializable data) throws IOException {
        ascii("event: ").ascii(event).ascii("\nid: ").ascii(id).ascii("\ndata: ");
        json.writeValue(buffer, data);
        ascii("\n\n");
    }

    boolean full() {
        return buffer.size() >= FLUSH_BYTES;
    }

    /** Writes the frames gathered so far, flushes, and starts over. */
    void writeTo(OutputStream out) throws IOException {
        buffer.writeTo(out);
        out.flush();
        buffer.reset();
    }

    /** Drops frames not yet written (after a failed write). */
    void reset() {
        buffer.reset();
    }

    private SseFrames ascii(String s) {
        buffer.write(s.getBytes(StandardCharsets.US_ASCII), 0, s.length());
        return this;
    }

    /** Jackson closes the stream it writes to; closing a byte buffer does nothing, which is what is wanted. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(FLUSH_BYTES + 4096);
        }
    }
}
