package io.glossa.client.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.concurrent.Threads;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Drives the API open-loop: text i is due at {@code start + i / rate}, whatever happened to earlier ones; each
 * result is timed from its due time ({@link ResultMatching}). Results come from the event stream; those it missed are
 * read by id at the end.
 */
public final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBMIT_TIMEOUT_MILLIS = 30_000;

    private final LoadSettings settings;
    private final TextSource texts;
    /** The event stream and the final reads by id; submissions go over {@link PlainHttpConnection}s. */
    private final HttpClient http;
    /** Due submissions waiting for a free connection; their wait counts as latency (open loop). */
    private final LinkedBlockingQueue<Submission> submissions = new LinkedBlockingQueue<>();
    /** Told each accepted id (from the connection threads), e.g. to check afterwards that each got its result. */
    private final Consumer<String> acceptedIds;

    private final ResultMatching results = new ResultMatching();
    private final LatencyRecorder submit = new LatencyRecorder();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong firstRejection = new AtomicLong();
    private volatile String rejection;

    public LoadRun(LoadSettings settings, TextSource texts) {
        this(settings, texts, id -> {});
    }

    /** @param acceptedIds called with the id of every text answered 202; must be thread-safe */
    public LoadRun(LoadSettings settings, TextSource texts, Consumer<String> acceptedIds) {
        this.settings = settings;
        this.texts = texts;
        this.acceptedIds = acceptedIds;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public LoadReport run() throws IOException, InterruptedException {
        try (ResultFeed feed = new ResultFeed(settings.apiKey())) {
            feed.startOutcomes(settings.resolve("/api/v1/events"), results::onResult);
            List<Thread> connections = startConnections();
            long start = System.nanoTime();
            results.measureFrom(start + settings.warmUp().toNanos());
            long sent;
            try {
                sent = send(start);
            } finally {
                connections.forEach(c -> submissions.add(Submission.END));
            }
            long sendEnd = System.nanoTime();
            results.drain(settings.drainTimeout());
            readMissing();
            return report(start, sendEnd, sent);
        }
    }

    /** As many connections as submissions may be in flight, so a free permit always finds a free connection. */
    private List<Thread> startConnections() {
        List<Thread> threads = new ArrayList<>(settings.concurrency());
        for (int i = 0; i < settings.concurrency(); i++) {
            Thread thread = Threads.daemon("load-" + i, this::submitOnOneConnection);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private long send(long start) throws InterruptedException {
        long planned = settings.plannedTexts();
        double interval = 1e9 / settings.rate();
        Semaphore inFlight = new Semaphore(settings.concurrency());
        long i = 0;
        while (i < planned) {
            int n = (int) Math.min(settings.batch(), planned - i);
            long sendAt = start + (long) ((i + n - 1) * interval); // when the request's last text is due
            long wait = sendAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            inFlight.acquire();
            List<String> batch = new ArrayList<>(n);
            long[] dues = new long[n];
            for (int k = 0; k < n; k++) {
                batch.add(texts.next());
                dues[k] = start + (long) ((i + k) * interval);
            }
            submissions.add(new Submission(batch, dues, inFlight));
            i += n;
        }
        inFlight.acquire(settings.concurrency()); // every submission answered
        return planned;
    }

    /** One connection's loop: takes due submissions and POSTs them, one at a time, until the run ends. */
    @SuppressWarnings("ReferenceEquality") // END is a sentinel instance put on the queue to stop the loop
    private void submitOnOneConnection() {
        try (PlainHttpConnection connection =
                new PlainHttpConnection(settings.baseUrl(), SUBMIT_TIMEOUT_MILLIS, settings.apiKey())) {
            while (true) {
                Submission next = submissions.take();
                if (next == Submission.END) {
                    return;
                }
                try {
                    answered(post(connection, next), next);
                } catch (IOException | RuntimeException e) {
                    reject(e.toString(), next.texts.size());
                } finally {
                    next.inFlight.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PlainHttpConnection.Response post(PlainHttpConnection connection, Submission submission)
            throws IOException {
        if (settings.batch() == 1) {
            return connection.postJson(
                    path("/api/v1/texts"),
                    JSON.createObjectNode().put("text", submission.texts.get(0)).toString());
        }
        ObjectNode body = JSON.createObjectNode().put("lane", "realtime");
        ArrayNode texts = body.putArray("texts");
        submission.texts.forEach(texts::add);
        return connection.postJson(path("/api/v1/texts:batch"), body.toString());
    }

    private void answered(PlainHttpConnection.Response response, Submission submission) throws IOException {
        long now = System.nanoTime();
        if (response.status() != 202) {
            reject("HTTP " + response.status() + " " + response.body(), submission.texts.size());
            return;
        }
        JsonNode answer = JSON.readTree(response.body());
        List<String> ids = new ArrayList<>(submission.texts.size());
        if (settings.batch() == 1) {
            ids.add(answer.get("id").asText());
        } else {
            answer.path("ids").forEach(id -> ids.add(id.asText()));
        }
        if (ids.size() != submission.texts.size()) {
            reject(
                    "HTTP 202 with " + ids.size() + " ids for " + submission.texts.size() + " texts",
                    submission.texts.size());
            return;
        }
        for (int k = 0; k < ids.size(); k++) {
            long due = submission.dues[k];
            if (results.measured(due)) {
                submit.record(now - due);
            }
            accepted.incrementAndGet();
            acceptedIds.accept(ids.get(k));
            results.onAccepted(ids.get(k), due);
        }
    }

    private String path(String path) {
        return settings.resolve(path).getRawPath();
    }

    /** Texts due at {@code dues} (System.nanoTime), sent in one request, holding one permit of {@code inFlight}. */
    private record Submission(List<String> texts, long[] dues, Semaphore inFlight) {
        static final Submission END = new Submission(List.of(), new long[0], null);
    }

    private void reject(String why, int texts) {
        rejected.addAndGet(texts);
        if (firstRejection.compareAndSet(0, 1)) {
            rejection = why;
        }
    }

    /** Results the event stream did not deliver (e.g. during a reconnect) are read by id; still pending = lost. */
    private void readMissing() {
        for (String id : results.waitingIds()) {
            try {
                HttpResponse<String> response = http.send(
                        settings.apiKey()
                                .on(HttpRequest.newBuilder(settings.resolve("/api/v1/texts/" + id)))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode text = JSON.readTree(response.body());
                String status = text.path("status").asText();
                if (!status.equals("pending")) {
                    results.resolvedLate(id, status.equals("done"));
                }
            } catch (IOException | RuntimeException e) {
                // counted as lost below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private LoadReport report(long start, long sendEnd, long sent) {
        double sendSeconds = (sendEnd - start) / 1e9;
        long end = Math.max(results.lastResult(), sendEnd);
        double seconds = (end - start) / 1e9;
        return new LoadReport(
                settings.rate(),
                settings.duration().toMillis() / 1e3,
                sent,
                accepted.get(),
                rejected.get(),
                results.completed(),
                results.failed(),
                results.waitingCount(),
                sent / sendSeconds,
                results.results() / seconds,
                submit.summary(),
                results.endToEnd(),
                settings.warmUp().toMillis() / 1e3,
                settings.batch());
    }

    /** What the first rejected submission got, for the user. */
    public String firstRejection() {
        return rejection;
    }
}
