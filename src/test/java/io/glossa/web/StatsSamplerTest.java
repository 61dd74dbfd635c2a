package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TextStatus;
import io.glossa.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dashboard's 15-minute history: per-second rates and latency percentiles from the real meters, in a ring. */
class StatsSamplerTest {
    private static final Instant START = Instant.parse("2026-12-06T12:00:00.500Z");

    private final PrometheusMeterRegistry registry = MetricsRegistry.create("test");
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);
    private final MutableClock clock = new MutableClock(START);
    private final StatsSampler sampler = new StatsSampler(registry, clock);

    @Test
    void eachSecondGetsTheTextsAcceptedAndResultsSeenInIt() {
        sampler.sample(); // the baseline
        metrics.accepted(Lane.REALTIME, 5);
        metrics.accepted(Lane.BATCH, 2);
        for (int i = 0; i < 4; i++) {
            metrics.resultObserved(TextStatus.DONE, Duration.ofMillis(12));
        }
        metrics.resultObserved(TextStatus.FAILED, Duration.ofMillis(30));
        secondsLater(1);

        StatsHistory.Window window = sampler.history().after(0);
        assertThat(window.firstSecond()).isEqualTo(START.getEpochSecond() + 1);
        assertThat(window.seconds()).singleElement().satisfies(s -> {
            assertThat(s.accepted()).isEqualTo(7);
            assertThat(s.completed()).isEqualTo(5);
            assertThat(s.p50Ms()).isBetween(10.0, 14.0); // within the histogram's bucket around 12 ms
            assertThat(s.p99Ms()).isBetween(25.0, 35.0);
        });
    }

    @Test
    void latencyIsOverTheLastTenSecondsThenNothing() {
        sampler.sample();
        metrics.resultObserved(TextStatus.DONE, Duration.ofMillis(12));
        for (int i = 0; i < 11; i++) {
            secondsLater(1);
        }
        StatsHistory.Window window = sampler.history().after(0);
        assertThat(window.seconds()).hasSize(11);
        assertThat(window.seconds().subList(0, 10))
                .allSatisfy(s -> assertThat(s.p50Ms()).isBetween(10.0, 14.0));
        assertThat(window.seconds().get(10).p50Ms())
                .as("the result left the window")
                .isNaN();
        assertThat(window.seconds().get(10).completed()).isZero();
    }

    @Test
    void aLateSamplerSpreadsWhatItSawOverTheSecondsItMissed() {
        sampler.sample();
        metrics.accepted(Lane.REALTIME, 30);
        secondsLater(3);

        assertThat(sampler.history().after(0).seconds())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.accepted()).isCloseTo(10, within(1e-9)));
    }

    @Test
    void aTimerCatchingUpTwiceInOneSecondDoesNotMakeASpike() {
        sampler.sample();
        metrics.accepted(Lane.REALTIME, 10);
        clock.advance(Duration.ofMillis(1_495)); // 12:00:01.995
        sampler.sample();
        metrics.accepted(Lane.REALTIME, 1);
        clock.advance(Duration.ofMillis(10)); // 12:00:02.005: another second, but 10 ms later
        sampler.sample();
        secondsLater(1); // 12:00:03.005

        StatsHistory.Window window = sampler.history().after(0);
        assertThat(window.seconds())
                .extracting(SecondStats::accepted)
                .allSatisfy(rate -> assertThat(rate).isLessThan(12));
        double total =
                window.seconds().stream().mapToDouble(SecondStats::accepted).sum();
        assertThat(total).as("every text counted once").isCloseTo(11, within(1e-9));
    }

    @Test
    void keepsFifteenMinutesAndNoMore() {
        sampler.sample();
        for (int i = 0; i < StatsHistory.SECONDS + 100; i++) {
            metrics.accepted(Lane.REALTIME, 1);
            secondsLater(1);
        }
        long newest = START.getEpochSecond() + StatsHistory.SECONDS + 100;
        StatsHistory.Window all = sampler.history().after(0);
        assertThat(all.seconds())
                .hasSize(StatsHistory.SECONDS)
                .doesNotContainNull()
                .allSatisfy(s -> assertThat(s.accepted()).isEqualTo(1));
        assertThat(all.firstSecond()).isEqualTo(newest - StatsHistory.SECONDS + 1);
        assertThat(all.seconds().get(StatsHistory.SECONDS - 1).second()).isEqualTo(newest);

        StatsHistory.Window recent = sampler.history().after(newest - 2);
        assertThat(recent.firstSecond()).isEqualTo(newest - 1);
        assertThat(recent.seconds()).hasSize(2);
        assertThat(sampler.history().after(newest).seconds())
                .as("nothing newer yet")
                .isEmpty();
    }

    @Test
    void aSecondWithoutASampleIsEmptyNotAnOldSlot() {
        StatsHistory history = new StatsHistory();
        long t = START.getEpochSecond();
        history.put(new SecondStats(t, 1, 1, Double.NaN, Double.NaN, Double.NaN));
        history.put(new SecondStats(t + StatsHistory.SECONDS + 2, 2, 2, Double.NaN, Double.NaN, Double.NaN));

        StatsHistory.Window window = history.after(t + StatsHistory.SECONDS - 1);
        assertThat(window.seconds()).hasSize(3);
        assertThat(window.seconds().get(0))
                .as("slot of t, which is older than 15 minutes")
                .isNull();
        assertThat(window.seconds().get(2).accepted()).isEqualTo(2);
    }

    @Test
    void quantilesAreHistogramQuantileOverTheDifferenceOfTwoCumulativeHistograms() {
        double[] bounds = {0.01, 0.02, 0.04};
        CumulativeHistogram older = new CumulativeHistogram(0, 0, 0, bounds, new long[] {0, 0, 0});
        CumulativeHistogram newer = new CumulativeHistogram(10, 0.2, 0.04, bounds, new long[] {2, 8, 10});

        assertThat(newer.quantileSince(older, 0.5)).isCloseTo(0.015, within(1e-9));
        assertThat(newer.quantileSince(newer, 0.5)).as("nothing in between").isNaN();
        CumulativeHistogram beyond = new CumulativeHistogram(12, 1, 0.5, bounds, new long[] {2, 8, 10});
        assertThat(beyond.quantileSince(older, 0.99))
                .as("beyond the largest bucket: its bound")
                .isEqualTo(0.04);
        assertThat(newer.quantileSince(null, 0.5)).isNaN();
    }

    @Test
    void theRealtimeLaneOverTheLastSecondsIsItsOwnNotTheBatchLanes() {
        assertThat(sampler.realtimeOver(5)).as("nothing sampled yet").isNull();
        sampler.sample();
        for (int i = 0; i < 100; i++) {
            metrics.completed(Lane.REALTIME, TextStatus.DONE, times(Duration.ofMillis(8)));
            metrics.completed(Lane.BATCH, TextStatus.DONE, times(Duration.ofSeconds(20)));
        }
        secondsLater(1);
        LaneLatency last = sampler.realtimeOver(5);
        assertThat(last.count()).isEqualTo(100);
        assertThat(last.seconds()).isEqualTo(1);
        assertThat(last.p99Ms()).isBetween(6.0, 11.0); // the bucket around 8 ms, not the batch's 20 s
        for (int i = 0; i < 6; i++) {
            secondsLater(1);
        }
        LaneLatency quiet = sampler.realtimeOver(5);
        assertThat(quiet.count()).as("those texts left the 5 s").isZero();
        assertThat(quiet.seconds()).isEqualTo(5);
        assertThat(quiet.p99Ms()).isNaN();
    }

    private static io.glossa.pipeline.PipelineMetrics.StageTimes times(Duration endToEnd) {
        return new io.glossa.pipeline.PipelineMetrics.StageTimes(
                Duration.ofNanos(5_000), Duration.ofMillis(1), endToEnd);
    }

    private void secondsLater(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        sampler.sample();
    }
}
