package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /api/v1/stats}: the dashboard's numbers as JSON, read from the same Micrometer meters that
 * {@code /metrics} exposes (cumulative counters and histogram buckets, for a client that takes differences between
 * polls like Prometheus' rate() and histogram_quantile()), plus the broker's queue depths and consumer counts and the
 * languages of the results this API saw. With {@code ?history_after=S} (epoch second; 0 for all) it adds the
 * per-second throughput and latency of the seconds after S, up to 15 minutes ({@link StatsSampler}).
 */
final class StatsRoutes implements RouteGroup {
    static final String PATH = "/api/v1/stats";
    static final String HISTORY_AFTER = "history_after";
    private final MeterReadings meters;
    private final StatsHistory history;
    private final Supplier<List<QueueDepth>> queues;
    private final ResultTally tally;
    private final Supplier<String> loadedModelVersion;
    private final ObjectMapper json;

    /** @param loadedModelVersion the model this process loaded, or null if it runs no workers */
    StatsRoutes(
            MeterRegistry registry,
            StatsHistory history,
            Supplier<List<QueueDepth>> queues,
            ResultTally tally,
            Supplier<String> loadedModelVersion,
            ObjectMapper json) {
        this.meters = new MeterReadings(registry);
        this.history = history;
        this.queues = queues;
        this.tally = tally;
        this.loadedModelVersion = loadedModelVersion;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::stats);
    }

    private void stats(Context ctx) {
        ObjectNode node = snapshot();
        String after = ctx.queryParam(HISTORY_AFTER);
        if (after != null) {
            putHistory(node.putObject("history"), history.after(afterSecond(after)));
        }
        ctx.header("Cache-Control", "no-store").json(node);
    }

    static long afterSecond(String raw) {
        try {
            long second = Long.parseLong(raw.trim());
            if (second >= 0) {
                return second;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(
                400,
                "invalid-history-after",
                "Invalid History Start",
                HISTORY_AFTER + " must be an epoch second (0 for all the history kept), got '"
                        + ProblemException.abbreviate(raw) + "'");
    }

    ObjectNode snapshot() {
        ObjectNode node = json.createObjectNode();
        node.put("at", Instant.now().toString());
        model(node.putObject("model"));
        ObjectNode counters = node.putObject("counters");
        counters.put("accepted", meters.count(MeterReadings.ACCEPTED, null));
        counters.put("published", meters.count("glossa.jobs.published", null));
        counters.put("done", meters.count("glossa.results", "done"));
        counters.put("failed", meters.count("glossa.results", "failed"));
        counters.put("observed_done", meters.count(MeterReadings.OBSERVED, "done"));
        counters.put("observed_failed", meters.count(MeterReadings.OBSERVED, "failed"));
        ObjectNode latency = node.putObject("latency");
        histogram(latency, "submit_to_result", MeterReadings.SUBMIT_TO_RESULT);
        histogram(latency, "end_to_end", MeterReadings.END_TO_END);
        queues(node);
        ObjectNode languages = node.putObject("languages");
        tally.languages().forEach(languages::put);
        return node;
    }

    private void model(ObjectNode model) {
        String seen = tally.lastModelVersion();
        String loaded = loadedModelVersion.get();
        model.put("version", seen != null ? seen : loaded);
        model.put("source", seen != null ? "latest result" : loaded != null ? "loaded by this process" : null);
    }

    /** count, sum and cumulative {@code [le_seconds, count]} buckets, as in the Prometheus histogram. */
    private void histogram(ObjectNode latency, String field, String meter) {
        CumulativeHistogram histogram = meters.histogram(meter);
        if (histogram == null) {
            latency.putNull(field);
            return;
        }
        ObjectNode node = latency.putObject(field);
        node.put("count", histogram.count());
        node.put("sum_seconds", histogram.sumSeconds());
        node.put("max_seconds", histogram.maxSeconds());
        ArrayNode buckets = node.putArray("buckets");
        for (int i = 0; i < histogram.bounds().length; i++) {
            buckets.addArray().add(histogram.bounds()[i]).add(histogram.cumulative()[i]);
        }
    }

    /** One array per series, one value per second from {@code first_second}; null where there is nothing to show. */
    private static void putHistory(ObjectNode node, StatsHistory.Window window) {
        node.put("period_seconds", 1);
        node.put("capacity_seconds", StatsHistory.SECONDS);
        node.put("first_second", window.firstSecond());
        series(node.putArray("accepted"), window, SecondStats::accepted);
        series(node.putArray("completed"), window, SecondStats::completed);
        series(node.putArray("p50_ms"), window, SecondStats::p50Ms);
        series(node.putArray("p95_ms"), window, SecondStats::p95Ms);
        series(node.putArray("p99_ms"), window, SecondStats::p99Ms);
    }

    private static void series(ArrayNode array, StatsHistory.Window window, ToDoubleFunction<SecondStats> value) {
        for (SecondStats stats : window.seconds()) {
            double v = stats == null ? Double.NaN : value.applyAsDouble(stats);
            if (Double.isFinite(v)) {
                array.add(Math.round(v * 1000) / 1000.0); // a thousandth is plenty for a chart, and shorter
            } else {
                array.addNull();
            }
        }
    }

    private void queues(ObjectNode node) {
        ArrayNode array = node.putArray("queues");
        try {
            for (QueueDepth q : queues.get()) {
                array.addObject()
                        .put("queue", q.queue())
                        .put("kind", q.kind())
                        .put("present", q.present())
                        .put("messages", q.messages())
                        .put("consumers", q.consumers());
            }
            node.putNull("queues_error");
        } catch (RuntimeException e) {
            node.put("queues_error", "the broker cannot be asked right now: " + e.getMessage());
        }
    }
}
