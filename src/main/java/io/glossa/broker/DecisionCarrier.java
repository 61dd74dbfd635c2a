package io.glossa.broker;

import io.glossa.pipeline.DeliveryDecision;
import io.glossa.pipeline.DeliveryDecision.Ack;
import io.glossa.pipeline.DeliveryDecision.GiveUp;
import io.glossa.pipeline.DeliveryDecision.PutBack;
import io.glossa.pipeline.DeliveryDecision.RetryAfter;
import io.glossa.pipeline.DeliveryDecision.Split;
import io.glossa.pipeline.DeliveryPolicy;
import io.glossa.pipeline.DeliverySituation;
import io.glossa.pipeline.DeliverySituation.Stage;
import io.glossa.pipeline.HandlingFailures;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.UnknownTextException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link DeliveryPolicy}'s decision on the broker. Whatever it publishes in the delivery's place is
 * confirmed before the delivery is acked; if the broker fails in between, nothing is acked and the broker redelivers.
 */
final class DecisionCarrier {
    /** The processor's logger: a delivery's story is told under one name. */
    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    private final DeliveryPolicy policy;
    private final JobHandler handler;
    private final Republisher republisher;
    private final ResultAnnouncer announcer;

    DecisionCarrier(DeliveryPolicy policy, JobHandler handler, Republisher republisher, ResultAnnouncer announcer) {
        this.policy = policy;
        this.handler = handler;
        this.republisher = republisher;
        this.announcer = announcer;
    }

    void carryOut(Delivery delivery, DeliverySituation situation, DeliveryDecision decision)
            throws InterruptedException {
        if (decision instanceof Ack) {
            ack(delivery);
        } else if (decision instanceof RetryAfter retry) {
            LOG.info(
                    "job {} failed attempt {} of {}: {}; retrying",
                    situation.jobs().get(0).id(),
                    retry.attempts(),
                    policy.maxAttempts(),
                    retry.reason());
            copyAfter(delivery, retry.delay(), retry.attempts());
        } else if (decision instanceof PutBack putBack) {
            LOG.warn("{}: {}; putting it back on its queue", subject(situation), putBack.reason());
            copyAfter(delivery, putBack.delay(), putBack.attempts());
        } else if (decision instanceof Split split) {
            logSplit(situation, split);
            republisher.alone(delivery, split.parts(), split.attempts());
            ack(delivery);
        } else if (decision instanceof GiveUp giveUp) {
            giveUp(delivery, situation, giveUp);
        } else {
            throw new IllegalStateException("not a decision to carry out on the broker: " + decision);
        }
    }

    private void copyAfter(Delivery delivery, Duration delay, int attempts) throws InterruptedException {
        Thread.sleep(delay.toMillis());
        republisher.copy(delivery, attempts);
        ack(delivery);
    }

    /** Records the job as failed in the store first; if even that fails, the policy decides again (put back). */
    private void giveUp(Delivery delivery, DeliverySituation situation, GiveUp giveUp) throws InterruptedException {
        if (situation.stage() instanceof Stage.Malformed malformed) {
            LOG.warn(
                    "malformed job message (message id {}) on lane {} moved to the failed queue: {}",
                    delivery.properties().getMessageId(),
                    delivery.lane().key(),
                    malformed.why());
            republisher.toFailed(delivery, null, giveUp.reason(), giveUp.attempts());
            ack(delivery);
            return;
        }
        Job job = situation.jobs().get(0);
        try {
            handler.giveUp(job, giveUp.reason());
        } catch (UnknownTextException e) {
            // no stored text to mark failed: the failed queue is the only record
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            Stage notRecorded = new Stage.FailureNotRecorded(HandlingFailures.describe(e), giveUp.attempts());
            DeliverySituation next = situation.then(notRecorded);
            carryOut(delivery, next, policy.decide(next));
            return;
        }
        LOG.warn("job {} moved to the failed queue: {}", job.id(), giveUp.reason());
        republisher.toFailed(delivery, job, giveUp.reason(), giveUp.attempts());
        announcer.failed(delivery, job, giveUp.reason());
        ack(delivery);
    }

    private static void logSplit(DeliverySituation situation, Split split) {
        Stage stage = situation.stage();
        int size = situation.jobs().size();
        if (stage instanceof Stage.Decoded) {
            LOG.info("multi-job message of {} jobs came back (redelivered); splitting it into single jobs", size);
        } else if (stage instanceof Stage.Failed failed) {
            LOG.info("multi-job message of {} jobs failed ({}); splitting it into single jobs", size, failed.why());
        } else if (stage instanceof Stage.Rejected rejected) {
            LOG.info("multi-job message of {} jobs failed ({}); splitting it into single jobs", size, rejected.why());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "multi-job message of {} jobs done, {} to try alone",
                    size,
                    split.parts().size());
        }
    }

    private static String subject(DeliverySituation situation) {
        return situation.jobs().size() == 1
                ? "job " + situation.jobs().get(0).id()
                : situation.jobs().size() + " jobs";
    }

    /** The outcome is safe: the consumer acks it within milliseconds, together with others. */
    private static void ack(Delivery delivery) {
        delivery.acks().completed(delivery.deliveryTag());
    }
}
