package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    private final StringWriter out = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressMeter meter(boolean terminal) {
        return new ProgressMeter(new PrintWriter(out), "batch", "lines", terminal, Duration.ofSeconds(5), nanos::get);
    }

    @Test
    void onATerminalOneLineIsRedrawnWithBarRateAndTimeLeft() {
        ProgressMeter meter = meter(true);
        nanos.set(Duration.ofSeconds(10).toNanos());
        meter.update(250, 1000, "");
        nanos.addAndGet(Duration.ofMillis(300).toNanos());
        meter.update(300, 1000, "7 in flight");
        meter.finish("batch: done");
        assertThat(out.toString())
                .isEqualTo("\rbatch: [######..................] 250 of 1,000 lines (25%), 25 lines/s, 0:30 left\u001b[K"
                        + "\rbatch: [#######.................] 300 of 1,000 lines (30%), 29 lines/s, 0:24 left, 7 in flight\u001b[K"
                        + "\r\u001b[Kbatch: done" + System.lineSeparator());
    }

    @Test
    void elsewherePlainLinesAtTheIntervalOnly() {
        ProgressMeter meter = meter(false);
        nanos.set(Duration.ofSeconds(1).toNanos());
        meter.update(10, 100, ""); // before the first interval: nothing
        nanos.set(Duration.ofSeconds(5).toNanos());
        meter.update(50, 100, "");
        nanos.set(Duration.ofSeconds(6).toNanos());
        meter.update(60, 100, ""); // within the interval: nothing
        meter.finish("batch: done");
        assertThat(out.toString().lines())
                .containsExactly("batch: 50 of 100 lines (50%), 10 lines/s, 0:05 left", "batch: done");
    }

    @Test
    void anUnknownTotalGivesCountAndRateOnly() {
        ProgressMeter meter = meter(false);
        nanos.set(Duration.ofSeconds(5).toNanos());
        meter.update(12_000, -1, "");
        assertThat(out.toString()).isEqualTo("batch: 12,000 lines, 2,400 lines/s" + System.lineSeparator());
    }

    @Test
    void timeLeftReadsAsMinutesOrHours() {
        assertThat(ProgressMeter.eta(59.6)).isEqualTo("1:00");
        assertThat(ProgressMeter.eta(3_725)).isEqualTo("1:02:05");
    }
}
