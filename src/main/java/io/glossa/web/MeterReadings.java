package io.glossa.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the Micrometer meters behind /metrics the way the dashboard needs them: summed over their other tags. */
final class MeterReadings {
    static final String ACCEPTED = "glossa.texts.accepted";
    static final String OBSERVED = "glossa.results.observed";
    static final String SUBMIT_TO_RESULT = "glossa.submit.to.result";
    static final String END_TO_END = "glossa.end.to.end";

    private final MeterRegistry registry;

    MeterReadings(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The counter's total over every series (e.g. both lanes), only those tagged {@code status} if not null. */
    long count(String name, String status) {
        return count(name, "status", status);
    }

    /** The counter's total over the series tagged {@code tag=value} (every series if value is null). */
    long count(String name, String tag, String value) {
        var search = registry.find(name);
        if (value != null) {
            search = search.tag(tag, value);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Results this API saw, done and failed. */
    long completed() {
        return count(OBSERVED, "done") + count(OBSERVED, "failed");
    }

    /**
     * The timer's histogram summed over its series (the lanes of glossa.end.to.end): they share one bucket layout,
     * so buckets add up index by index. Null if there is no such timer.
     */
    CumulativeHistogram histogram(String meter) {
        return histogram(meter, null);
    }

    /** As {@link #histogram(String)}, over the series of one lane only ({@code lane} null: every series). */
    CumulativeHistogram histogram(String meter, String lane) {
        var search = registry.find(meter);
        if (lane != null) {
            search = search.tag("lane", lane);
        }
        List<HistogramSnapshot> snapshots =
                search.timers().stream().map(Timer::takeSnapshot).toList();
        if (snapshots.isEmpty()) {
            return null;
        }
        CountAtBucket[] first = snapshots.get(0).histogramCounts();
        double[] bounds = new double[first.length];
        long[] cumulative = new long[first.length];
        for (int i = 0; i < first.length; i++) {
            bounds[i] = first[i].bucket(TimeUnit.SECONDS);
            for (HistogramSnapshot snapshot : snapshots) {
                cumulative[i] += (long) snapshot.histogramCounts()[i].count();
            }
        }
        return new CumulativeHistogram(
                snapshots.stream().mapToLong(HistogramSnapshot::count).sum(),
                snapshots.stream().mapToDouble(h -> h.total(TimeUnit.SECONDS)).sum(),
                snapshots.stream()
                        .mapToDouble(h -> h.max(TimeUnit.SECONDS))
                        .max()
                        .orElse(0),
                bounds,
                cumulative);
    }
}
