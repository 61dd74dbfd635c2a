package io.glossa.evaluation;

import java.time.Instant;
import java.util.Map;

/**
 * What the report says about where the numbers came from.
 *
 * @param dataSource the evaluated corpus as the user named it
 * @param labelNames optional display names (e.g. {@code sv → Swedish — Svenska}); missing labels show the code only
 */
public record ReportContext(String dataSource, Instant createdAt, Map<String, String> labelNames) {
    public ReportContext {
        labelNames = Map.copyOf(labelNames);
    }

    String nameOf(String label) {
        return labelNames.getOrDefault(label, "");
    }
}
