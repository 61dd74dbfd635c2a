package io.glossa.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.broker.QueueStats;
import io.glossa.pipeline.BrokerUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueueGaugesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger calls = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private List<QueueStats> broker =
            List.of(new QueueStats("g.realtime", true, 7, 2), new QueueStats("g.failed", true, 1, 0));

    private double gauge(String name, String queue) {
        return registry.get(name).tag("queue", queue).gauge().value();
    }

    private void bind() {
        QueueGauges.bind(
                registry,
                List.of("g.realtime", "g.failed"),
                () -> {
                    calls.incrementAndGet();
                    if (broker == null) {
                        throw new BrokerUnavailableException("down", null);
                    }
                    return broker;
                },
                clock);
    }

    @Test
    void reportsDepthAndConsumersPerQueueFromOneSnapshotPerScrape() {
        bind();
        assertThat(gauge("glossa.queue.messages", "g.realtime")).isEqualTo(7);
        assertThat(gauge("glossa.queue.consumers", "g.realtime")).isEqualTo(2);
        assertThat(gauge("glossa.queue.messages", "g.failed")).isEqualTo(1);
        assertThat(gauge("glossa.queue.consumers", "g.failed")).isZero();
        assertThat(calls).hasValue(1);
    }

    @Test
    void gaugesSurviveAGarbageCollection() {
        bind();
        System.gc(); // the gauges' only reference to their snapshot holder is Micrometer's
        assertThat(gauge("glossa.queue.messages", "g.realtime")).isEqualTo(7);
    }

    @Test
    void refreshesAfterASecondAndReportsNaNWhileTheBrokerCannotBeAsked() {
        bind();
        assertThat(gauge("glossa.queue.messages", "g.realtime")).isEqualTo(7);
        broker = null;
        now = now.plus(Duration.ofSeconds(2));
        assertThat(gauge("glossa.queue.messages", "g.realtime")).isNaN();
        broker = List.of(new QueueStats("g.realtime", true, 3, 1));
        now = now.plus(Duration.ofSeconds(2));
        assertThat(gauge("glossa.queue.messages", "g.realtime")).isEqualTo(3);
        assertThat(gauge("glossa.queue.messages", "g.failed"))
                .as("queue missing from the snapshot")
                .isNaN();
    }
}
