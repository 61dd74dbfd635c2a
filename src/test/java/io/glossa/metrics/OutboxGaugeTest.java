package io.glossa.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.pipeline.StoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class OutboxGaugeTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Long outbox = 12L;
    private int asked;
    private final OutboxGauge gauge = new OutboxGauge(registry, () -> {
        asked++;
        if (outbox == null) {
            throw new StoreUnavailableException("database down", null);
        }
        return outbox;
    });

    private double scraped() {
        return registry.get("glossa.outbox.pending").gauge().value();
    }

    @Test
    void reportsTheLastPolledCountWithoutAskingTheStoreOnScrape() {
        assertThat(scraped()).as("before the first poll").isNaN();
        gauge.poll();
        outbox = 3L;
        assertThat(scraped()).isEqualTo(12);
        assertThat(scraped()).isEqualTo(12);
        assertThat(asked).isEqualTo(1);
        gauge.poll();
        assertThat(scraped()).isEqualTo(3);
    }

    @Test
    void reportsNaNWhileTheStoreCannotBeAskedAndRecovers() {
        gauge.poll();
        outbox = null;
        gauge.poll();
        assertThat(scraped()).isNaN();
        outbox = 0L;
        gauge.poll();
        assertThat(scraped()).isZero();
    }
}
