package io.glossa.web;

import java.time.Duration;

/**
 * HTTP limits of the API.
 *
 * @param maxWait            the cap on {@code ?wait=}
 * @param maxBatchBodyBytes  the largest batch request body
 * @param keepAlive          how often an idle event stream gets a comment (so proxies keep it open)
 * @param accessLog          log one line per request (logger {@code io.glossa.access})
 */
public record ApiSettings(Duration maxWait, long maxBatchBodyBytes, Duration keepAlive, boolean accessLog) {
    public static final ApiSettings DEFAULT = new ApiSettings(Duration.ofSeconds(30), 16L * 1024 * 1024, Duration.ofSeconds(15));

    /** Without an access log. */
    public ApiSettings(Duration maxWait, long maxBatchBodyBytes, Duration keepAlive) {
        this(maxWait, maxBatchBodyBytes, keepAlive, false);
    }
}
