package io.glossa.broker;

import java.util.Map;

/** The AMQP headers glossa sets and reads (documented in docs/messages.md). */
final class MessageHeaders {
    /** Job lane, {@code realtime} or {@code batch} (also the routing key). */
    public static final String LANE = "x-glossa-lane";
    /** When the API accepted the text, ISO-8601 UTC with milliseconds (the AMQP timestamp has only seconds). */
    public static final String SUBMITTED_AT = "x-glossa-submitted-at";
    /**
     * When this copy of the job was published to the jobs exchange (by the outbox relay, or by a worker re-queueing a
     * retry), ISO-8601 UTC: the start of the queue wait a worker measures.
     */
    public static final String PUBLISHED_AT = "x-glossa-published-at";
    /** How many handling attempts failed before this copy of the job was published; absent means 0. */
    public static final String ATTEMPTS = "x-glossa-attempts";
    /** On failed-queue messages: why the job failed (also in the body). */
    public static final String FAILURE_REASON = "x-glossa-failure-reason";
    /**
     * The W3C trace context of the request that submitted the job (the name OpenTelemetry's AMQP propagation uses).
     * On a multi-job message only when all its jobs share one; each job's own is in the body.
     */
    public static final String TRACEPARENT = "traceparent";
    /**
     * On result groups: the process whose workers produced them and already handed them to that process's own API in
     * memory, which therefore skips them; absent when no API in that process follows results.
     */
    public static final String ORIGIN = "x-glossa-origin";
    /** Set by RabbitMQ quorum queues on redelivered messages: how many times it was delivered before. */
    public static final String DELIVERY_COUNT = "x-delivery-count";

    private MessageHeaders() {}

    /** A non-negative integer header, or 0 when absent or not a number. */
    static int intHeader(Map<String, Object> headers, String name) {
        Object value = headers == null ? null : headers.get(name);
        if (value instanceof Number n) {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.longValue()));
        }
        if (value != null) {
            try {
                return Math.max(0, Integer.parseInt(value.toString().trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static String stringHeader(Map<String, Object> headers, String name) {
        Object value = headers == null ? null : headers.get(name);
        return value == null ? null : value.toString();
    }
}
