package io.glossa.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.lang.management.ManagementFactory;

/**
 * Two of Micrometer's process meters come out under names that {@code promtool check metrics} rejects:
 * {@code system_cpu_count} (a gauge ending in {@code _count}, which Prometheus reserves for histograms) and
 * {@code process_cpu_time_ns_total} (not a base unit). This renames the first to {@code system_cpus} and replaces
 * the second by {@code process_cpu_seconds_total}, the name Prometheus' own client libraries use, so rules written
 * for those work unchanged. Apply it before binding {@code ProcessorMetrics}: filters only see meters added later.
 */
final class PromtoolConformance implements MeterFilter {
    private static final String CPU_COUNT = "system.cpu.count";
    private static final String CPU_TIME_NANOS = "process.cpu.time";

    private PromtoolConformance() {}

    static void apply(MeterRegistry registry) {
        registry.config().meterFilter(new PromtoolConformance());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, PromtoolConformance::cpuSeconds)
                    .baseUnit("seconds")
                    .description("CPU time used by the JVM process")
                    .register(registry);
        }
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        return id.getName().equals(CPU_COUNT) ? id.withName("system.cpus") : id;
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().equals(CPU_TIME_NANOS) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    private static double cpuSeconds(com.sun.management.OperatingSystemMXBean os) {
        long nanos = os.getProcessCpuTime();
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
}
