package io.glossa.client.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.concurrent.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows {@code GET /api/v1/events} and reports each result event (its JSON data) the moment it arrives, on one
 * thread reading a plain blocking connection ({@link PlainHttpConnection}): the load tool shares the machine it
 * measures, and HttpClient's selector thread handed every chunk of the stream to the reader thread.
 */
public final class ResultFeed implements AutoCloseable {
    public interface Listener {
        /** @param event the event's data: {@code {"id","status",...}} as {@code GET /api/v1/texts/{id}} answers */
        void onResult(JsonNode event, long arrivalNanos);
    }

    /** For a client that needs only which text ended and how (the load tool): no tree per event. */
    public interface OutcomeListener {
        void onResult(String id, boolean done, long arrivalNanos);
    }

    /** The data line of one event, as received. */
    private interface DataListener {
        void onData(String data, long arrivalNanos);
    }

    /** The API sends a keep-alive comment every 15 s: a stream silent for this long is dead. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final ApiKey key;
    private volatile PlainHttpConnection connection;
    private volatile boolean closed;
    private volatile String failure;
    private volatile boolean ended;

    /** A feed that sends no API key. */
    public ResultFeed() {
        this(ApiKey.NONE);
    }

    /** A feed that sends {@code key}: with keys required, a key's stream carries only its own texts' results. */
    public ResultFeed(ApiKey key) {
        this.key = key;
    }

    public void start(URI events, Listener listener) throws IOException, InterruptedException {
        open(events, (data, arrival) -> {
            JsonNode event = parse(data);
            if (event != null && event.hasNonNull("id")) {
                listener.onResult(event, arrival);
            }
        });
    }

    /**
     * As {@link #start(URI, Listener)}, reading only each event's {@code id} and {@code status}: a whole JSON tree
     * per result was about half of the load tool's event thread.
     */
    public void startOutcomes(URI events, OutcomeListener listener) throws IOException, InterruptedException {
        open(events, (data, arrival) -> {
            EventOutcome outcome = EventOutcome.read(data);
            if (outcome != null) {
                listener.onResult(outcome.id(), outcome.done(), arrival);
            }
        });
    }

    private void open(URI events, DataListener listener) throws IOException, InterruptedException {
        connection = new PlainHttpConnection(events, READ_TIMEOUT_MILLIS, key);
        String path = events.getRawPath() + (events.getRawQuery() == null ? "" : "?" + events.getRawQuery());
        Thread reader = Threads.daemon("load-events", () -> read(path, listener));
        reader.start();
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the event stream " + events + " did not answer within 10 s");
        }
        if (failure != null) {
            throw new IOException("the event stream " + events + " failed: " + failure);
        }
    }

    private void read(String path, DataListener listener) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(connection.openEventStream(path), StandardCharsets.UTF_8))) {
            connected.countDown();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    listener.onData(line.substring(5).trim(), System.nanoTime());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (connected.getCount() > 0) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            } else if (!closed) {
                System.err.println("glossa: the event stream ended: " + e);
            }
        } finally {
            ended = true;
            connected.countDown();
        }
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }

    /** True once the stream has ended (the server closed it or the connection broke). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        closed = true;
        PlainHttpConnection open = connection;
        if (open != null) {
            open.close();
        }
    }
}
