package io.glossa.metrics;

import io.glossa.registry.ModelMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model distribution in Micrometer: {@code glossa_model_swaps_total}, {@code glossa_model_refusals_total{version}},
 * and {@code glossa_model_info{version}}, 1 for the version this process predicts with now and 0 for those it ran
 * before (the Prometheus "info" idiom, kept true across swaps).
 */
public final class MicrometerModelMetrics implements ModelMetrics {
    private final MeterRegistry registry;
    private final Counter swaps;
    private volatile String current;

    /** @param initial the version this process starts predicting with */
    public MicrometerModelMetrics(MeterRegistry registry, String initial) {
        this.registry = registry;
        this.current = initial;
        this.swaps = Counter.builder("glossa.model.swaps")
                .description("Model versions this process switched to")
                .register(registry);
        info(initial);
    }

    @Override
    public void loaded(String version) {
        current = version;
        swaps.increment();
        info(version);
    }

    @Override
    public void refused(String version) {
        Counter.builder("glossa.model.refusals")
                .tag("version", version)
                .description("Model versions this process refused (checksum, load or smoke test failed)")
                .register(registry)
                .increment();
    }

    private void info(String version) {
        Gauge.builder("glossa.model.info", () -> version.equals(current) ? 1 : 0)
                .tag("version", version)
                .description("The model version this process predicts with")
                .register(registry);
    }
}
