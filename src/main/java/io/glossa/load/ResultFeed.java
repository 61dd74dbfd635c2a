package io.glossa.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Follows {@code GET /api/v1/events} and reports each result event (its JSON data) the moment it arrives. */
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private volatile boolean closed;
    private volatile String failure;
    private volatile boolean ended;

    public void start(HttpClient http, URI events, Listener listener) throws IOException, InterruptedException {
        open(http, events, (data, arrival) -> {
            JsonNode event = parse(data);
            if (event != null && event.hasNonNull("id")) {
                listener.onResult(event, arrival);
            }
        });
    }

    /**
     * As {@link #start(HttpClient, URI, Listener)}, reading only each event's {@code id} and {@code status}: the load
     * tool shares the machine it measures, and a whole JSON tree per result was most of its event thread's work.
     */
    public void startOutcomes(HttpClient http, URI events, OutcomeListener listener) throws IOException, InterruptedException {
        open(http, events, (data, arrival) -> {
            EventOutcome outcome = EventOutcome.read(data);
            if (outcome != null) {
                listener.onResult(outcome.id(), outcome.done(), arrival);
            }
        });
    }

    private void open(HttpClient http, URI events, DataListener listener) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> read(listener), "glossa-load-events");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the event stream " + events + " did not answer within 10 s");
        }
        if (failure != null) {
            throw new IOException("the event stream " + events + " failed: " + failure);
        }
    }

    private void read(DataListener listener) {
        try {
            HttpResponse<Stream<String>> r = response.join();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the event stream answered HTTP " + r.statusCode());
            }
            lines = r.body();
            connected.countDown();
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    listener.onData(line.substring(5).trim(), System.nanoTime());
                }
            });
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (connected.getCount() > 0) {
                failure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            } else if (!closed) {
                System.err.println("glossa: the event stream ended: " + cause);
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
        Stream<String> s = lines;
        if (s != null) {
            s.close();
        }
        if (response != null) {
            response.cancel(true);
        }
    }
}
