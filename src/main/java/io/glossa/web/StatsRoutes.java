package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/stats}: the dashboard's numbers as JSON, read from the same Micrometer meters that
 * {@code /metrics} exposes (cumulative counters and histogram buckets: the page takes differences between polls,
 * like Prometheus' rate() and histogram_quantile()), plus the broker's queue depths and consumer counts and the
 * languages of the results this API saw.
 */
final class StatsRoutes implements RouteGroup {
    static final String PATH = "/api/v1/stats";
    private final MeterRegistry registry;
    private final Supplier<List<QueueDepth>> queues;
    private final ResultTally tally;
    private final Supplier<String> loadedModelVersion;
    private final ObjectMapper json;

    /** @param loadedModelVersion the model this process loaded, or null if it runs no workers */
    StatsRoutes(MeterRegistry registry, Supplier<List<QueueDepth>> queues, ResultTally tally, Supplier<String> loadedModelVersion,
                ObjectMapper json) {
        this.registry = registry;
        this.queues = queues;
        this.tally = tally;
        this.loadedModelVersion = loadedModelVersion;
        this.json = json;
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, this::stats);
    }

    private void stats(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(snapshot());
    }

    ObjectNode snapshot() {
        ObjectNode node = json.createObjectNode();
        node.put("at", Instant.now().toString());
        model(node.putObject("model"));
        ObjectNode counters = node.putObject("counters");
        counters.put("accepted", count("glossa.texts.accepted", null));
        counters.put("published", count("glossa.jobs.published", null));
        counters.put("done", count("glossa.results", "done"));
        counters.put("failed", count("glossa.results", "failed"));
        counters.put("observed_done", count("glossa.results.observed", "done"));
        counters.put("observed_failed", count("glossa.results.observed", "failed"));
        ObjectNode latency = node.putObject("latency");
        histogram(latency, "submit_to_result", "glossa.submit.to.result");
        histogram(latency, "end_to_end", "glossa.end.to.end");
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

    /** Summed over the other tags (e.g. both lanes of glossa.texts.accepted). */
    private long count(String name, String status) {
        var search = registry.find(name);
        if (status != null) {
            search = search.tag("status", status);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    /**
     * count, sum and cumulative bucket counts (le in seconds), as in the Prometheus histogram, summed over the
     * meter's series (the lanes of glossa.end.to.end): they share one bucket layout, so buckets add up index by index.
     */
    private void histogram(ObjectNode latency, String field, String meter) {
        List<HistogramSnapshot> snapshots = registry.find(meter).timers().stream().map(Timer::takeSnapshot).toList();
        if (snapshots.isEmpty()) {
            latency.putNull(field);
            return;
        }
        ObjectNode node = latency.putObject(field);
        node.put("count", snapshots.stream().mapToLong(HistogramSnapshot::count).sum());
        node.put("sum_seconds", snapshots.stream().mapToDouble(h -> h.total(TimeUnit.SECONDS)).sum());
        node.put("max_seconds", snapshots.stream().mapToDouble(h -> h.max(TimeUnit.SECONDS)).max().orElse(0));
        ArrayNode buckets = node.putArray("buckets");
        CountAtBucket[] first = snapshots.get(0).histogramCounts();
        for (int i = 0; i < first.length; i++) {
            int index = i;
            long count = snapshots.stream().mapToLong(h -> (long) h.histogramCounts()[index].count()).sum();
            buckets.addArray().add(first[i].bucket(TimeUnit.SECONDS)).add(count);
        }
    }

    private void queues(ObjectNode node) {
        ArrayNode array = node.putArray("queues");
        try {
            for (QueueDepth q : queues.get()) {
                array.addObject().put("queue", q.queue()).put("kind", q.kind()).put("present", q.present())
                        .put("messages", q.messages()).put("consumers", q.consumers());
            }
            node.putNull("queues_error");
        } catch (RuntimeException e) {
            node.put("queues_error", "the broker cannot be asked right now: " + e.getMessage());
        }
    }
}
