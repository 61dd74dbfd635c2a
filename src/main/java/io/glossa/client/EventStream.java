package io.glossa.client;

import io.glossa.concurrent.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/events} read on a thread of its own: each {@code data:} frame is handed to the listener as a
 * {@link TextResult}; comments ({@code : keep-alive}) and other fields are skipped. Closing it ends the stream.
 */
public final class EventStream implements AutoCloseable {
    private final InputStream body;
    private final Thread reader;

    EventStream(InputStream body, Consumer<TextResult> listener, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.body = body;
        this.reader = Threads.daemon("client-events", () -> read(body, listener, json));
        reader.start();
    }

    /** Reads frames until the stream ends: an event's data lines are joined by newlines, as the SSE format says. */
    static void read(
            InputStream body, Consumer<TextResult> listener, com.fasterxml.jackson.databind.ObjectMapper json) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        listener.accept(TextResult.of(json.readTree(data.toString())));
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
        } catch (IOException e) {
            // closed by close(), or the server ended the stream
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
