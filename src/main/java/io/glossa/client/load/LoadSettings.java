package io.glossa.client.load;

import java.net.URI;
import java.time.Duration;

/**
 * One load run.
 *
 * @param baseUrl       the server, e.g. http://localhost:8080
 * @param rate          texts per second, sent on a fixed schedule (open loop)
 * @param duration      how long to send
 * @param concurrency   most submissions in flight; when reached, sending waits, and the wait counts as latency
 * @param drainTimeout  after sending stopped, how long to wait without any new result before the texts still
 *                      pending count as lost (a saturated server keeps draining as long as it makes progress)
 * @param warmUp        sending at the same rate before {@code duration} starts; those texts are checked like the
 *                      others (none may be lost) but their latencies are not recorded: a JVM that has just started
 *                      spends its first minute compiling, which says nothing about the steady state
 * @param batch         texts per request: 1 posts each text to /api/v1/texts; more post them together to
 *                      /api/v1/texts:batch (realtime lane) when the last of them is due, so the earlier ones wait for
 *                      it, and that wait counts in their latency
 * @param apiKey        sent with every request; a key's event stream carries only its own texts' results
 */
public record LoadSettings(
        URI baseUrl,
        double rate,
        Duration duration,
        int concurrency,
        Duration drainTimeout,
        Duration warmUp,
        int batch,
        ApiKey apiKey) {
    /** Most texts per request; the API's own limit (--max-batch) may be lower. */
    public static final int MAX_BATCH = 1_000;

    public LoadSettings(URI baseUrl, double rate, Duration duration, int concurrency, Duration drainTimeout) {
        this(baseUrl, rate, duration, concurrency, drainTimeout, Duration.ZERO, 1, ApiKey.NONE);
    }

    /** These settings with a warm-up before {@code duration}. */
    public LoadSettings withWarmUp(Duration warmUp) {
        return new LoadSettings(baseUrl, rate, duration, concurrency, drainTimeout, warmUp, batch, apiKey);
    }

    /** These settings with {@code batch} texts per request. */
    public LoadSettings withBatch(int batch) {
        return new LoadSettings(baseUrl, rate, duration, concurrency, drainTimeout, warmUp, batch, apiKey);
    }

    public LoadSettings {
        apiKey = apiKey == null ? ApiKey.NONE : apiKey;
        if (!(rate > 0) || rate > 1_000_000) {
            throw new IllegalArgumentException("rate must be between 0 and 1,000,000 texts/s, got " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, got " + warmUp);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("batch must be 1 to " + MAX_BATCH + " texts per request, got " + batch);
        }
    }

    long plannedTexts() {
        return Math.max(1, Math.round(rate * duration.plus(warmUp).toNanos() / 1e9));
    }

    URI resolve(String path) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + path);
    }
}
