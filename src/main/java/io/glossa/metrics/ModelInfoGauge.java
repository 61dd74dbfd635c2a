package io.glossa.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code glossa_model_info{version="…"} 1}: which model a process predicts with (the Prometheus "info" idiom). */
public final class ModelInfoGauge {
    private ModelInfoGauge() {
    }

    public static void bind(MeterRegistry registry, String version) {
        Gauge.builder("glossa.model.info", () -> 1).tag("version", version)
                .description("The model version this process predicts with").register(registry);
    }
}
