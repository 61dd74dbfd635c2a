package io.glossa.metrics;

import io.glossa.broker.QueueStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Queue depth and consumer count of each job queue as gauges ({@code glossa_queue_messages{queue}},
 * {@code glossa_queue_consumers{queue}}), the numbers the backlog and no-consumer alerts watch.
 * One broker round trip serves every gauge of a scrape: the snapshot is reused for a second.
 */
public final class QueueGauges {
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final Supplier<List<QueueStats>> source;
    private final Clock clock;
    private List<QueueStats> last = List.of();
    private Instant takenAt = Instant.MIN;

    private QueueGauges(Supplier<List<QueueStats>> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Registers both gauges for each queue name; a broker that cannot be asked reports NaN, not a stale number. */
    public static void bind(
            MeterRegistry registry, List<String> queues, Supplier<List<QueueStats>> source, Clock clock) {
        QueueGauges gauges = new QueueGauges(source, clock);
        for (String queue : queues) {
            register(
                    registry,
                    "glossa.queue.messages",
                    "Messages ready in the queue",
                    queue,
                    gauges,
                    QueueStats::messages);
            register(
                    registry, "glossa.queue.consumers", "Consumers on the queue", queue, gauges, QueueStats::consumers);
        }
    }

    private static void register(
            MeterRegistry registry,
            String name,
            String description,
            String queue,
            QueueGauges gauges,
            ToDoubleFunction<QueueStats> value) {
        // strong: nothing else holds the snapshot object, and Micrometer's default weak reference let a GC turn
        // every queue gauge into NaN for the rest of the process's life
        Gauge.builder(name, gauges, g -> g.read(queue, value))
                .tag("queue", queue)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    synchronized double read(String queue, ToDoubleFunction<QueueStats> value) {
        Instant now = clock.instant();
        if (Duration.between(takenAt, now).compareTo(MAX_AGE) > 0) {
            try {
                last = source.get();
            } catch (RuntimeException brokerDown) {
                last = List.of();
            }
            takenAt = now;
        }
        return last.stream()
                .filter(s -> s.queue().equals(queue) && s.present())
                .mapToDouble(value)
                .findFirst()
                .orElse(Double.NaN);
    }
}
