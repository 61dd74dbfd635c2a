package io.glossa.client.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /api/v1/lanes} says about the lanes: realtime texts stored over the last seconds and their p99,
 * the messages waiting in each queue, and the realtime texts the API accepted since it started. Unknown values are
 * NaN (p99) or -1 (counts).
 */
record LaneLoad(
        long realtimeCompleted, double realtimeP99Ms, long realtimeQueued, long batchQueued, long realtimeAccepted) {
    /** Nothing known: the API could not be asked. */
    public static final LaneLoad UNKNOWN = new LaneLoad(-1, Double.NaN, -1, -1, -1);

    static LaneLoad of(JsonNode node) {
        JsonNode realtime = node.path("realtime");
        return new LaneLoad(
                count(realtime.get("completed")),
                number(realtime.get("p99_ms")),
                count(realtime.get("queued_messages")),
                count(node.path("batch").get("queued_messages")),
                count(realtime.get("accepted_total")));
    }

    private static long count(JsonNode value) {
        return value != null && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : -1;
    }

    private static double number(JsonNode value) {
        return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
