package io.glossa.client.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies of a load run in one HdrHistogram (3 significant digits, up to 10 minutes), recorded from any thread. */
final class LatencyRecorder {
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);

    void record(long nanos) {
        synchronized (histogram) {
            histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_LATENCY_NANOS));
        }
    }

    LoadReport.Latency summary() {
        synchronized (histogram) {
            return new LoadReport.Latency(
                    ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(95)),
                    ms(histogram.getValueAtPercentile(99)),
                    ms(histogram.getMaxValue()),
                    histogram.getTotalCount());
        }
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
