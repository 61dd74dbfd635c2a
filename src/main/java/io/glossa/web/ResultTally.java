package io.glossa.web;

import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultListener;
import io.glossa.pipeline.TextStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the result events this API process sees, per predicted language, and remembers the model version of the
 * latest result: the dashboard's language distribution and active model (the workers' model, whatever process
 * they run in).
 */
public final class ResultTally implements ResultListener {
    private final Map<String, LongAdder> languages = new ConcurrentHashMap<>();
    private volatile String lastModelVersion;

    @Override
    public void onResult(ResultEvent event) {
        if (event.status() != TextStatus.DONE) {
            return;
        }
        languages.computeIfAbsent(event.languageKey(), k -> new LongAdder()).increment();
        if (event.result() != null && event.result().modelVersion() != null) {
            lastModelVersion = event.result().modelVersion();
        }
    }

    /** Language code → results, sorted by code. */
    public Map<String, Long> languages() {
        Map<String, Long> counts = new TreeMap<>();
        languages.forEach((code, n) -> counts.put(code, n.sum()));
        return counts;
    }

    /** The model version of the latest result seen, or null before the first. */
    public String lastModelVersion() {
        return lastModelVersion;
    }
}
