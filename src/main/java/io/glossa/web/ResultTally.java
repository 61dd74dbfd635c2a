package io.glossa.web;

import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultListener;
import io.glossa.pipeline.TextStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the result events this API process sees per predicted language as the Micrometer counter
 * {@code glossa.predictions{language}} (Prometheus {@code glossa_predictions_total}), so the dashboard's language
 * distribution and {@code /metrics} are the same numbers; remembers the model version of the latest result (the
 * workers' model, whatever process they run in).
 */
final class ResultTally implements ResultListener {
    static final String COUNTER = "glossa.predictions";

    private final MeterRegistry registry;
    private volatile String lastModelVersion;

    public ResultTally(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onResult(ResultEvent event) {
        if (event.status() != TextStatus.DONE) {
            return;
        }
        Counter.builder(COUNTER)
                .tag("language", event.languageKey())
                .description("Results seen by this process, per predicted language")
                .register(registry)
                .increment();
        if (event.result() != null && event.result().modelVersion() != null) {
            lastModelVersion = event.result().modelVersion();
        }
    }

    /** Language code → results, sorted by code. */
    public Map<String, Long> languages() {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(COUNTER).counters()) {
            counts.put(counter.getId().getTag("language"), (long) counter.count());
        }
        return counts;
    }

    /** The model version of the latest result seen, or null before the first. */
    public String lastModelVersion() {
        return lastModelVersion;
    }
}
