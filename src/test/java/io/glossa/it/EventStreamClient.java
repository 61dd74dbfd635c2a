package io.glossa.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One {@code GET /api/v1/events} stream read line by line on a thread of its own, for tests. */
final class EventStreamClient implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final HttpResponse<java.io.InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread reader;

    private EventStreamClient(HttpResponse<java.io.InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "it-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; {@code key} may be null. Fails unless the server answers 200. */
    static EventStreamClient open(int port, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Accept", "text/event-stream");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<java.io.InputStream> response =
                CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IllegalStateException("event stream answered " + response.statusCode() + ": " + body);
        }
        return new EventStreamClient(response);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the server closed the stream, or close() did
        } finally {
            ended.countDown();
        }
    }

    /** Waits until a line containing {@code text} arrived. */
    boolean awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Whether a line containing {@code text} has arrived so far. */
    boolean saw(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    /** True if the server ended the stream within {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean open() {
        return ended.getCount() > 0;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
