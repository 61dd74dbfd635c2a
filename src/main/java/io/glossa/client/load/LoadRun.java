package io.glossa.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Drives the API open-loop: text i is due at {@code start + i / rate}, whatever happened to earlier ones; each
 * result is timed from its due time. Results come from the event stream; those it missed are read by id at the end.
 */
public final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int SUBMIT_TIMEOUT_MILLIS = 30_000;

    private final LoadSettings settings;
    private final TextSource texts;
    /** The event stream and the final reads by id; submissions go over {@link PlainHttpConnection}s. */
    private final HttpClient http;
    /** Due submissions waiting for a free connection; their wait counts as latency (open loop). */
    private final LinkedBlockingQueue<Submission> submissions = new LinkedBlockingQueue<>();
    /** Told each accepted id (from the connection threads), e.g. to check afterwards that each got its result. */
    private final Consumer<String> acceptedIds;
    /** Accepted texts without a result yet: id → due time. */
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final Object matching = new Object();
    /** Results that arrived before their submission's answer did: id → arrival time, status. */
    private final Map<String, long[]> early = new ConcurrentHashMap<>();
    private final Histogram endToEnd = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram submit = new Histogram(MAX_LATENCY_NANOS, 3);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastResult = new AtomicLong();
    private final AtomicLong firstRejection = new AtomicLong();
    private volatile String rejection;
    /** Texts due before this (System.nanoTime) belong to the warm-up: checked, not timed. */
    private volatile long measuredFrom = Long.MAX_VALUE;

    public LoadRun(LoadSettings settings, TextSource texts) {
        this(settings, texts, id -> { });
    }

    /** @param acceptedIds called with the id of every text answered 202; must be thread-safe */
    public LoadRun(LoadSettings settings, TextSource texts, Consumer<String> acceptedIds) {
        this.settings = settings;
        this.texts = texts;
        this.acceptedIds = acceptedIds;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public LoadReport run() throws IOException, InterruptedException {
        try (ResultFeed feed = new ResultFeed()) {
            feed.startOutcomes(settings.resolve("/api/v1/events"), this::onResult);
            List<Thread> connections = startConnections();
            long start = System.nanoTime();
            measuredFrom = start + settings.warmUp().toNanos();
            long sent;
            try {
                sent = send(start);
            } finally {
                connections.forEach(c -> submissions.add(Submission.END));
            }
            long sendEnd = System.nanoTime();
            drain();
            readMissing();
            return report(start, sendEnd, sent);
        }
    }

    /** As many connections as submissions may be in flight, so a free permit always finds a free connection. */
    private List<Thread> startConnections() {
        List<Thread> threads = new ArrayList<>(settings.concurrency());
        for (int i = 0; i < settings.concurrency(); i++) {
            Thread thread = new Thread(this::submitOnOneConnection, "glossa-load-" + i);
            thread.setDaemon(true);
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
        inFlight.acquire(settings.concurrency());   // every submission answered
        return planned;
    }

    /** One connection's loop: takes due submissions and POSTs them, one at a time, until the run ends. */
    private void submitOnOneConnection() {
        try (PlainHttpConnection connection = new PlainHttpConnection(settings.baseUrl(), SUBMIT_TIMEOUT_MILLIS)) {
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

    private PlainHttpConnection.Response post(PlainHttpConnection connection, Submission submission) throws IOException {
        if (settings.batch() == 1) {
            return connection.postJson(path("/api/v1/texts"),
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
            reject("HTTP 202 with " + ids.size() + " ids for " + submission.texts.size() + " texts", submission.texts.size());
            return;
        }
        for (int k = 0; k < ids.size(); k++) {
            long due = submission.dues[k];
            if (due >= measuredFrom) {
                record(submit, now - due);
            }
            accepted.incrementAndGet();
            acceptedIds.accept(ids.get(k));
            onAccepted(ids.get(k), due);
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

    /**
     * A submission's answer and its result event come from different threads in either order. Matching them takes
     * one lock: lock-free, the two could each see the other's entry half-removed and neither count the text (it was
     * then neither completed nor lost: once in 60,000 here).
     */
    private void onAccepted(String id, long due) {
        synchronized (matching) {
            long[] result = early.remove(id);
            if (result == null) {
                waiting.put(id, due);
                return;
            }
            finish(result[0], due, result[1] == 1);
        }
    }

    private void onResult(String id, boolean done, long arrival) {
        synchronized (matching) {
            Long due = waiting.remove(id);
            if (due == null) {
                early.put(id, new long[] {arrival, done ? 1 : 0});
                return;
            }
            finish(arrival, due, done);
        }
    }

    private void finish(long arrival, long due, boolean done) {
        if (due >= measuredFrom) {
            record(endToEnd, arrival - due);
        }
        (done ? completed : failed).incrementAndGet();
        lastResult.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** Waits while results keep coming; gives up after {@code drainTimeout} without a single new result. */
    private void drain() throws InterruptedException {
        long idleLimit = settings.drainTimeout().toNanos();
        long lastProgress = System.nanoTime();
        long seen = completed.get() + failed.get();
        while (!waiting.isEmpty() && System.nanoTime() - lastProgress < idleLimit) {
            Thread.sleep(20);
            long now = completed.get() + failed.get();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
    }

    /** Results the event stream did not deliver (e.g. during a reconnect) are read by id; still pending = lost. */
    private void readMissing() {
        for (String id : new ArrayList<>(waiting.keySet())) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.resolve("/api/v1/texts/" + id))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode text = JSON.readTree(response.body());
                String status = text.path("status").asText();
                Long due = waiting.get(id);
                if (!status.equals("pending") && due != null && waiting.remove(id) != null) {
                    finish(System.nanoTime(), due, status.equals("done"));
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
        long end = Math.max(lastResult.get(), sendEnd);
        long results = completed.get() + failed.get();
        double seconds = (end - start) / 1e9;
        return new LoadReport(settings.rate(), settings.duration().toMillis() / 1e3, sent, accepted.get(), rejected.get(),
                completed.get(), failed.get(), waiting.size(), sent / sendSeconds, results / seconds,
                latency(submit), latency(endToEnd), settings.warmUp().toMillis() / 1e3, settings.batch());
    }

    /** What the first rejected submission got, for the user. */
    public String firstRejection() {
        return rejection;
    }

    private static void record(Histogram histogram, long nanos) {
        synchronized (histogram) {
            histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_LATENCY_NANOS));
        }
    }

    private static LoadReport.Latency latency(Histogram h) {
        synchronized (h) {
            return new LoadReport.Latency(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getTotalCount());
        }
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

}
