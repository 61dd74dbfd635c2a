package io.glossa.load;

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
 */
public record LoadSettings(URI baseUrl, double rate, Duration duration, int concurrency, Duration drainTimeout,
                           Duration warmUp) {
    public LoadSettings(URI baseUrl, double rate, Duration duration, int concurrency, Duration drainTimeout) {
        this(baseUrl, rate, duration, concurrency, drainTimeout, Duration.ZERO);
    }

    public LoadSettings {
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
    }

    long plannedTexts() {
        return Math.max(1, Math.round(rate * duration.plus(warmUp).toNanos() / 1e9));
    }

    URI resolve(String path) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + path);
    }
}
