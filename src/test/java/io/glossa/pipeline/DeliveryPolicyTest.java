package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.concurrent.Backoff;
import io.glossa.pipeline.DeliveryDecision.Ack;
import io.glossa.pipeline.DeliveryDecision.GiveUp;
import io.glossa.pipeline.DeliveryDecision.Handle;
import io.glossa.pipeline.DeliveryDecision.PutBack;
import io.glossa.pipeline.DeliveryDecision.RetryAfter;
import io.glossa.pipeline.DeliveryDecision.Split;
import io.glossa.pipeline.DeliverySituation.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every rule of a delivery's fate, without a broker: the pause before retry n is n seconds here. */
class DeliveryPolicyTest {
    private static final int MAX_ATTEMPTS = 3;
    private static final int MAX_REDELIVERIES = 10;
    private final DeliveryPolicy policy = new DeliveryPolicy(MAX_ATTEMPTS, MAX_REDELIVERIES, Duration::ofSeconds);
    private final Job a = job("a");
    private final Job b = job("b");
    private final Job c = job("c");

    @Test
    void aMalformedMessageGoesToTheFailedQueueWithItsAttemptsAsTheyWere() {
        assertThat(policy.decide(DeliverySituation.malformed("content type text/plain, not JSON", 2)))
                .isEqualTo(new GiveUp("malformed message: content type text/plain, not JSON", 2));
    }

    @Test
    void aDecodedSingleJobIsHandled() {
        assertThat(policy.decide(single(new Stage.Decoded(), 0, 0))).isEqualTo(new Handle());
        assertThat(policy.decide(single(new Stage.Decoded(), 2, MAX_REDELIVERIES - 1)))
                .isEqualTo(new Handle());
    }

    @Test
    void aSingleJobDeliveredTooOftenWithoutAnAckIsGivenUpWithoutATry() {
        assertThat(policy.decide(single(new Stage.Decoded(), 1, MAX_REDELIVERIES)))
                .isEqualTo(new GiveUp(
                        "delivered 11 times without an ack "
                                + "(a worker died or lost its connection while handling it)",
                        1));
    }

    @Test
    void aFreshMultiJobMessageIsHandledTogether() {
        assertThat(policy.decide(multi(new Stage.Decoded(), 0, 0, false))).isEqualTo(new Handle());
    }

    @Test
    void aMultiJobMessageThatCameBackIsSplitWithoutCountingATry() {
        assertThat(policy.decide(multi(new Stage.Decoded(), 1, 0, true))).isEqualTo(new Split(List.of(a, b, c), 1));
        assertThat(policy.decide(multi(new Stage.Decoded(), 0, 1, false))).isEqualTo(new Split(List.of(a, b, c), 0));
    }

    @Test
    void handledIsAcked() {
        assertThat(policy.decide(single(new Stage.Handled(List.of()), 0, 0))).isEqualTo(new Ack());
        assertThat(policy.decide(multi(new Stage.Handled(List.of()), 0, 0, false)))
                .isEqualTo(new Ack());
    }

    @Test
    void theFailedJobsOfAMultiJobMessageGoOnAloneWithThisTryCounted() {
        assertThat(policy.decide(multi(new Stage.Handled(List.of(b)), 0, 0, false)))
                .isEqualTo(new Split(List.of(b), 1));
    }

    @Test
    void aSplitLeavesEachJobATryOfItsOwn() {
        assertThat(policy.decide(multi(new Stage.Handled(List.of(b, c)), MAX_ATTEMPTS, 0, false)))
                .isEqualTo(new Split(List.of(b, c), MAX_ATTEMPTS - 1));
        assertThat(policy.decide(multi(new Stage.Decoded(), 7, 0, true))).isEqualTo(new Split(List.of(a, b, c), 2));
    }

    @Test
    void aRejectedSingleJobIsGivenUpAtOnceWithThisTryCounted() {
        assertThat(policy.decide(single(new Stage.Rejected("text is empty"), 0, 0)))
                .isEqualTo(new GiveUp("text is empty", 1));
    }

    @Test
    void aRejectedOrFailedMultiJobMessageIsSplitSoEachJobFailsForItsOwnReason() {
        assertThat(policy.decide(multi(new Stage.Rejected("no such text"), 0, 0, false)))
                .isEqualTo(new Split(List.of(a, b, c), 1));
        assertThat(policy.decide(multi(new Stage.Failed("model exploded"), 1, 0, false)))
                .isEqualTo(new Split(List.of(a, b, c), 2));
    }

    @Test
    void aFailedSingleJobIsRetriedWithALongerPauseEachTime() {
        assertThat(policy.decide(single(new Stage.Failed("model exploded"), 0, 0)))
                .isEqualTo(new RetryAfter(Duration.ofSeconds(1), 1, "model exploded"));
        assertThat(policy.decide(single(new Stage.Failed("model exploded"), 1, 0)))
                .isEqualTo(new RetryAfter(Duration.ofSeconds(2), 2, "model exploded"));
    }

    @Test
    void aSingleJobFailingItsLastAttemptIsGivenUpWithTheCount() {
        assertThat(policy.decide(single(new Stage.Failed("model exploded"), MAX_ATTEMPTS - 1, 0)))
                .isEqualTo(new GiveUp("model exploded (after 3 attempts)", MAX_ATTEMPTS));
    }

    @Test
    void aDatabaseOutageIsWaitedOutWithTheLongestPauseAndNoAttemptUsed() {
        PutBack single = (PutBack) policy.decide(single(new Stage.StoreOutage("connection refused"), 2, 0));
        assertThat(single)
                .isEqualTo(
                        new PutBack(Duration.ofSeconds(MAX_ATTEMPTS), 2, "database unreachable (connection refused)"));
        assertThat(policy.decide(multi(new Stage.StoreOutage("connection refused"), 1, 0, false)))
                .isEqualTo(
                        new PutBack(Duration.ofSeconds(MAX_ATTEMPTS), 1, "database unreachable (connection refused)"));
    }

    @Test
    void aFailureThatCannotBeRecordedIsPutBackGivingOneAttemptBack() {
        DeliverySituation giveUp = single(new Stage.Failed("model exploded"), MAX_ATTEMPTS - 1, 0);
        assertThat(policy.decide(giveUp.then(new Stage.FailureNotRecorded("database down", MAX_ATTEMPTS))))
                .isEqualTo(new PutBack(
                        Duration.ofSeconds(MAX_ATTEMPTS),
                        MAX_ATTEMPTS - 1,
                        "could not record its failure (database down)"));
        assertThat(policy.decide(giveUp.then(new Stage.FailureNotRecorded("database down", 0))))
                .isEqualTo(new PutBack(Duration.ZERO, 0, "could not record its failure (database down)"));
    }

    @Test
    void theJitteredPolicyPausesWithinTheBackoffsCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        Random random = new Random(3);
        DeliveryPolicy jittered = new DeliveryPolicy(MAX_ATTEMPTS, MAX_REDELIVERIES, n -> backoff.delay(n, random));
        for (int i = 0; i < 200; i++) {
            RetryAfter retry = (RetryAfter) jittered.decide(single(new Stage.Failed("x"), 1, 0));
            assertThat(retry.delay()).isBetween(Duration.ZERO, Duration.ofMillis(200));
        }
        assertThat(DeliveryPolicy.jittered(1, 1, backoff).decide(single(new Stage.Failed("x"), 0, 0)))
                .isInstanceOf(GiveUp.class);
    }

    @Test
    void aRescoreIsNeverAnnouncedToClients() {
        Job rescore =
                new Job(UUID.randomUUID(), "hej", Lane.BATCH, Instant.EPOCH, new Rescore(UUID.randomUUID(), "v2"));
        assertThat(DeliveryPolicy.announces(rescore)).isFalse();
        assertThat(DeliveryPolicy.announces(a)).isTrue();
    }

    @Test
    void handlerExceptionsAreClassifiedForThePolicy() {
        assertThat(HandlingFailures.classify(new StoreUnavailableException("db down", null, true)))
                .isEqualTo(new Stage.StoreOutage("db down"));
        assertThat(HandlingFailures.classify(new StoreUnavailableException("deadlock", null, false)))
                .isEqualTo(new Stage.Failed("deadlock"));
        assertThat(HandlingFailures.classify(new JobRejectedException("too long")))
                .isEqualTo(new Stage.Rejected("too long"));
        assertThat(HandlingFailures.classify(new UnknownTextException(a.id()))).isInstanceOf(Stage.Rejected.class);
        assertThat(HandlingFailures.classify(new StackOverflowError()))
                .isEqualTo(new Stage.Failed("StackOverflowError"));
        assertThat(HandlingFailures.describe(new IllegalStateException("x".repeat(2_000))))
                .hasSize(1_003);
    }

    @Test
    void aSituationValidatesItsInput() {
        assertThatThrownBy(() -> new DeliverySituation(new Stage.Decoded(), List.of(), false, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a malformed message");
        assertThatThrownBy(() -> new DeliveryPolicy(0, 1, Duration::ofSeconds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private DeliverySituation single(Stage stage, int attempts, int redeliveries) {
        return new DeliverySituation(stage, List.of(a), false, attempts, redeliveries, redeliveries > 0);
    }

    private DeliverySituation multi(Stage stage, int attempts, int redeliveries, boolean redelivered) {
        return new DeliverySituation(stage, List.of(a, b, c), true, attempts, redeliveries, redelivered);
    }

    private static Job job(String text) {
        return new Job(UUID.randomUUID(), text, Lane.REALTIME, Instant.EPOCH);
    }
}
