package io.glossa.web;

import java.time.Duration;

/**
 * HTTP limits of the API.
 *
 * @param maxWait               the cap on {@code ?wait=}
 * @param maxBatchBodyBytes     the largest batch request body
 * @param keepAlive             how often an idle event stream gets a comment (so proxies keep it open)
 * @param accessLog             log one line per request (logger {@code io.glossa.access})
 * @param maxEventStreams       event streams open at once, overall
 * @param maxEventStreamsPerKey event streams open at once per API key (when keys are required)
 */
public record ApiSettings(
        Duration maxWait,
        long maxBatchBodyBytes,
        Duration keepAlive,
        boolean accessLog,
        int maxEventStreams,
        int maxEventStreamsPerKey) {
    public static final int DEFAULT_MAX_EVENT_STREAMS = 256;
    public static final int DEFAULT_MAX_EVENT_STREAMS_PER_KEY = 16;
    public static final ApiSettings DEFAULT =
            new ApiSettings(Duration.ofSeconds(30), 16L * 1024 * 1024, Duration.ofSeconds(15));

    /** @throws IllegalArgumentException if a stream cap is below 1 */
    public ApiSettings {
        if (maxEventStreams < 1 || maxEventStreamsPerKey < 1) {
            throw new IllegalArgumentException("event stream caps must be at least 1, got " + maxEventStreams
                    + " overall and " + maxEventStreamsPerKey + " per key");
        }
    }

    /** With the default stream caps. */
    public ApiSettings(Duration maxWait, long maxBatchBodyBytes, Duration keepAlive, boolean accessLog) {
        this(
                maxWait,
                maxBatchBodyBytes,
                keepAlive,
                accessLog,
                DEFAULT_MAX_EVENT_STREAMS,
                DEFAULT_MAX_EVENT_STREAMS_PER_KEY);
    }

    /** Without an access log, with the default stream caps. */
    public ApiSettings(Duration maxWait, long maxBatchBodyBytes, Duration keepAlive) {
        this(maxWait, maxBatchBodyBytes, keepAlive, false);
    }
}
