package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/lanes}: how busy each lane is right now, for clients that pace a batch so that realtime texts
 * keep their latency ({@code glossa batch --via-queue}). Aggregates only: no text, id or language, so any key may
 * read it. The realtime latency comes from this process's workers (null in an {@code api} without workers); the
 * queue depths from the broker, as the dashboard shows them; the realtime texts this API accepted so far, counted
 * live, so that a client polling often sees realtime traffic begin before any of it is stored.
 */
final class LaneRoutes implements RouteGroup {
    static final String PATH = "/api/v1/lanes";
    /** Long enough for a p99 of a few hundred texts at realtime rates, short enough to follow a change within seconds. */
    static final int WINDOW_SECONDS = 5;

    private final StatsSampler sampler;
    private final LongSupplier realtimeAccepted;
    private final Supplier<List<QueueDepth>> queues;
    private final ObjectMapper json;

    LaneRoutes(
            StatsSampler sampler, LongSupplier realtimeAccepted, Supplier<List<QueueDepth>> queues, ObjectMapper json) {
        this.sampler = sampler;
        this.realtimeAccepted = realtimeAccepted;
        this.queues = queues;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::lanes);
    }

    private void lanes(Context ctx) {
        ObjectNode node = json.createObjectNode();
        node.put("at", Instant.now().toString());
        ObjectNode realtime = node.putObject("realtime");
        ObjectNode batch = node.putObject("batch");
        LaneLatency latency = sampler.realtimeOver(WINDOW_SECONDS);
        if (latency == null) {
            realtime.putNull("window_seconds").putNull("completed").putNull("p99_ms");
        } else {
            realtime.put("window_seconds", latency.seconds()).put("completed", latency.count());
            if (Double.isFinite(latency.p99Ms())) {
                realtime.put("p99_ms", Math.round(latency.p99Ms() * 1000) / 1000.0);
            } else {
                realtime.putNull("p99_ms");
            }
        }
        realtime.put("accepted_total", realtimeAccepted.getAsLong());
        realtime.putNull("queued_messages");
        batch.putNull("queued_messages");
        try {
            for (QueueDepth q : queues.get()) {
                ObjectNode lane = "realtime".equals(q.kind()) ? realtime : "batch".equals(q.kind()) ? batch : null;
                if (lane != null && q.present()) {
                    lane.put("queued_messages", q.messages());
                }
            }
        } catch (RuntimeException e) {
            // the depths stay null: the broker cannot be asked right now, and a pacing client slows down on unknowns
        }
        ctx.header("Cache-Control", "no-store").json(node);
    }
}
