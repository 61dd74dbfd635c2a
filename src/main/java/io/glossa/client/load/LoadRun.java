package io.glossa.client.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives the API open-loop: text i is due at {@code start + i / rate}, whatever happened to earlier ones; each
 * result is timed from its due time ({@link ResultMatching}). Results come from the event stream; those it missed are
 * read by id at the end.
 */
public final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadSettings settings;
    private final TextSource texts;
    /** Told each accepted id (from the submitting thread), e.g. to check afterwards that each got its result. */
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
    }

    public LoadReport run() throws IOException, InterruptedException {
        try (ResultFeed feed = new ResultFeed(settings.apiKey())) {
            feed.startOutcomes(settings.resolve("/api/v1/events"), results::onResult);
            RequestBytes requests = new RequestBytes(settings, texts);
            long start = System.nanoTime();
            Schedule schedule = Schedule.of(settings, start);
            results.measureFrom(start + settings.warmUp().toNanos());
            Answers answers = new Tally(schedule);
            if ("https".equalsIgnoreCase(settings.baseUrl().getScheme())) {
                new ThreadedSubmitter(settings, schedule, requests, answers).run();
            } else {
                new SubmitLoop(settings, schedule, requests, answers).run();
            }
            long sendEnd = System.nanoTime();
            results.drain(settings.drainTimeout());
            readMissing();
            return report(start, sendEnd, schedule.planned());
        }
    }

    /** Counts and times each request's answer, and hands its ids to the result matching. */
    private final class Tally implements Answers {
        private final Schedule schedule;

        Tally(Schedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public void answered(long first, int n, ResponseFrame response, long answeredAt) {
            if (response.status() != 202) {
                reject("HTTP " + response.status() + " " + response.bodyText(), n);
                return;
            }
            List<String> ids;
            try {
                ids = AcceptedIds.read(
                        response.body(), response.bodyOffset(), response.bodyLength(), settings.batch() > 1);
            } catch (IOException e) {
                reject(e.toString(), n);
                return;
            }
            if (ids.size() != n) {
                reject("HTTP 202 with " + ids.size() + " ids for " + n + " texts", n);
                return;
            }
            for (int k = 0; k < n; k++) {
                long due = schedule.due(first + k);
                if (results.measured(due)) {
                    submit.record(answeredAt - due);
                }
                accepted.incrementAndGet();
                acceptedIds.accept(ids.get(k));
                results.onAccepted(ids.get(k), due);
            }
        }

        @Override
        public void failed(int n, String why) {
            reject(why, n);
        }
    }

    private void reject(String why, int texts) {
        rejected.addAndGet(texts);
        if (firstRejection.compareAndSet(0, 1)) {
            rejection = why;
        }
    }

    /** Results the event stream did not deliver (e.g. during a reconnect) are read by id; still pending = lost. */
    private void readMissing() {
        List<String> missing = results.waitingIds();
        if (missing.isEmpty()) {
            return;
        }
        // made only when needed: its selector thread would otherwise live through the whole run
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (String id : missing) {
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
