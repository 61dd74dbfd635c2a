package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The batch's pace against what the realtime lane shows, second by second. */
class AdaptivePaceTest {
    private static LaneLoad realtime(double p99Ms) {
        return new LaneLoad(500, p99Ms, 0, 10, -1);
    }

    private static final LaneLoad NO_REALTIME = new LaneLoad(0, Double.NaN, 0, 10, -1);

    @Test
    void withoutRealtimeTrafficItGrowsFastButOnlyAsFarAsTheBatchKeepsUp() {
        AdaptivePace pace = new AdaptivePace(200, 20, 0, Double.NaN);
        assertThat(pace.observe(NO_REALTIME, 200)).isEqualTo(300);
        assertThat(pace.observe(NO_REALTIME, 300)).isEqualTo(450);
        // the window of results in flight holds the batch at 400/s: the rate stays near that, not off to infinity
        assertThat(pace.observe(NO_REALTIME, 400)).isEqualTo(675);
        assertThat(pace.observe(NO_REALTIME, 400)).isEqualTo(800);
        assertThat(pace.observe(NO_REALTIME, 400)).isEqualTo(800);
    }

    @Test
    void theIdleRealtimeP99SetsTheTargetAndABreachHalvesTheRateThenHoldsIt() {
        AdaptivePace pace = new AdaptivePace(1000, 20, 0, Double.NaN);
        pace.baseline(realtime(20));
        assertThat(pace.targetMs()).isEqualTo(36);
        assertThat(pace.observe(realtime(40), 1000))
                .as("over the target, not twice it")
                .isEqualTo(500);
        assertThat(pace.observe(realtime(20), 500)).as("held: latency lags").isEqualTo(500);
        assertThat(pace.observe(realtime(20), 500)).isEqualTo(500);
        assertThat(pace.observe(realtime(20), 500)).isEqualTo(500);
        assertThat(pace.observe(realtime(20), 500))
                .as("then grows slowly beside realtime")
                .isEqualTo(560);
    }

    @Test
    void farOverTheTargetItDropsToTheMinimumAtOnce() {
        AdaptivePace pace = new AdaptivePace(3000, 20, 0, 30);
        assertThat(pace.observe(realtime(61), 3000)).isEqualTo(20);
        assertThat(pace.observe(realtime(10), 20)).as("then holds").isEqualTo(20);
    }

    @Test
    void nearTheTargetItHolds() {
        AdaptivePace pace = new AdaptivePace(1000, 20, 0, 40);
        assertThat(pace.observe(realtime(35), 1000)).isEqualTo(1000);
        assertThat(pace.observe(realtime(35), 1000)).isEqualTo(1000);
    }

    @Test
    void realtimeJobsPilingUpOrAnApiThatDoesNotAnswerSlowItDown() {
        AdaptivePace pace = new AdaptivePace(1000, 20, 0, 40);
        assertThat(pace.observe(new LaneLoad(0, Double.NaN, AdaptivePace.REALTIME_QUEUE_LIMIT + 1, 0, -1), 1000))
                .isEqualTo(500);
        AdaptivePace unknown = new AdaptivePace(1000, 20, 0, 40);
        assertThat(unknown.observe(LaneLoad.UNKNOWN, 1000)).isEqualTo(500);
    }

    @Test
    void itNeverGoesUnderTheMinimumNorOverTheCap() {
        AdaptivePace pace = new AdaptivePace(40, 20, 100, 40);
        for (int i = 0; i < 10; i++) {
            pace.observe(realtime(400), 40);
        }
        assertThat(pace.rate()).isEqualTo(20);
        AdaptivePace capped = new AdaptivePace(90, 20, 100, Double.NaN);
        for (int i = 0; i < 10; i++) {
            capped.observe(NO_REALTIME, 1000);
        }
        assertThat(capped.rate()).isEqualTo(100);
    }

    @Test
    void tooFewRealtimeTextsSteerNothing() {
        AdaptivePace pace = new AdaptivePace(200, 20, 0, 40);
        assertThat(pace.observe(new LaneLoad(AdaptivePace.MIN_SAMPLES - 1, 900, 0, 0, -1), 200))
                .isEqualTo(300);
        pace.baseline(new LaneLoad(3, 5, 0, 0, -1));
        assertThat(pace.targetMs()).isEqualTo(40);
    }

    @Test
    void aTinyIdleP99GivesTheFloorTargetAndNoBaselineTheDefault() {
        AdaptivePace tiny = new AdaptivePace(200, 20, 0, Double.NaN);
        tiny.baseline(realtime(2));
        assertThat(tiny.targetMs()).isEqualTo(AdaptivePace.MIN_TARGET_MS);
        AdaptivePace none = new AdaptivePace(200, 20, 0, Double.NaN);
        none.baseline(NO_REALTIME);
        assertThat(none.targetMs()).isEqualTo(AdaptivePace.DEFAULT_TARGET_MS);
    }

    @Test
    void realtimeBeginningAfterAQuietSpellDropsTheRateAtOnceAndHoldsIt() {
        AdaptivePace pace = new AdaptivePace(200, 20, 0, 40);
        for (int i = 0; i < 10; i++) {
            pace.observe(NO_REALTIME, 10_000);
        }
        assertThat(pace.rate()).isGreaterThan(5_000);
        for (int i = 0; i < 5; i++) {
            assertThat(pace.glance(1, 0.2)).as("a trickle is quiet").isGreaterThan(5_000);
        }
        assertThat(pace.glance(100, 0.2)).as("500/s after a quiet second").isEqualTo(20);
        for (int i = 0; i < 3; i++) {
            assertThat(pace.observe(realtime(10), 20))
                    .as("held while latency catches up")
                    .isEqualTo(20);
        }
        assertThat(pace.observe(realtime(10), 20)).isGreaterThan(20);
    }

    @Test
    void steadyRealtimeTrafficIsNoOnsetAgain() {
        AdaptivePace pace = new AdaptivePace(200, 20, 0, 40);
        pace.glance(100, 0.2);
        for (int i = 0; i < 20; i++) {
            pace.observe(realtime(10), 1_000);
            for (int g = 0; g < 5; g++) {
                pace.glance(100, 0.2);
            }
        }
        assertThat(pace.rate()).as("grows beside steady realtime traffic").isGreaterThan(200);
    }

    @Test
    void realtimeAlreadyFlowingAtTheBaselineIsNoOnset() {
        AdaptivePace pace = new AdaptivePace(200, 20, 0, Double.NaN);
        pace.baseline(realtime(10));
        assertThat(pace.glance(100, 0.2)).isEqualTo(200);
        AdaptivePace unseen = new AdaptivePace(200, 20, 0, Double.NaN);
        unseen.baseline(NO_REALTIME);
        assertThat(unseen.glance(100, 0.2))
                .as("traffic the baseline did not see")
                .isEqualTo(20);
    }

    @Test
    void anUnknownArrivalCountChangesNothing() {
        AdaptivePace pace = new AdaptivePace(200, 20, 0, 40);
        assertThat(pace.glance(-1, 0.2)).isEqualTo(200);
        assertThat(pace.glance(100, 0)).isEqualTo(200);
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThatThrownBy(() -> new AdaptivePace(10, 20, 0, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptivePace(200, 0, 0, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptivePace(200, 20, 10, 40)).isInstanceOf(IllegalArgumentException.class);
    }
}
