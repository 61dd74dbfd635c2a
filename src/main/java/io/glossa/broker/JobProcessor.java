package io.glossa.broker;

import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.DeliveryDecision;
import io.glossa.pipeline.DeliveryPolicy;
import io.glossa.pipeline.DeliverySituation;
import io.glossa.pipeline.DeliverySituation.Stage;
import io.glossa.pipeline.HandlingFailures;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.JobOutcome;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles one delivery at a time for one worker thread: decodes it ({@link DeliveryDecoder}), asks the
 * {@link DeliveryPolicy} what to do, runs the handler if told to, asks again, and has the {@link DecisionCarrier}
 * carry the decision out. The delivery is acked only after its outcome is safe; if the broker fails in between,
 * nothing is acked and the broker redelivers (the handler is idempotent).
 */
final class JobProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    private final DeliveryDecoder decoder;
    private final DeliveryPolicy policy;
    private final JobHandler handler;
    private final PipelineMetrics metrics;
    private final WorkerChannels channels;
    private final ResultAnnouncer announcer;
    private final DecisionCarrier carrier;

    JobProcessor(
            BrokerConnection connection,
            Topology topology,
            ConsumerSettings settings,
            JobHandler handler,
            Duration confirmTimeout,
            PipelineMetrics metrics,
            LocalResults local) {
        this.decoder = new DeliveryDecoder(settings.maxBodyBytes());
        this.policy =
                DeliveryPolicy.jittered(settings.maxAttempts(), settings.maxRedeliveries(), settings.retryBackoffs());
        this.handler = handler;
        this.metrics = metrics;
        this.channels = new WorkerChannels(connection, confirmTimeout);
        this.announcer = new ResultAnnouncer(channels, topology, local);
        this.carrier = new DecisionCarrier(policy, handler, new Republisher(channels, topology), announcer);
    }

    void process(Delivery delivery) {
        // log lines about this message carry its id (for a single-job message also the text's id)
        String messageId = delivery.properties().getMessageId();
        if (messageId != null) {
            MDC.put(LogKeys.MESSAGE_ID, messageId);
        }
        try {
            handle(delivery);
        } catch (BrokerUnavailableException e) {
            // not acked: back to its queue now if the lane channel still works, else when the connection is back
            LOG.warn(
                    "broker trouble while finishing job message {}: {}; it will be redelivered",
                    messageId,
                    e.getMessage());
            channels.dropConfirmed();
            requeue(delivery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            MDC.remove(LogKeys.MESSAGE_ID);
            MDC.remove(LogKeys.TEXT_ID);
            MessageTrace.clear();
        }
    }

    private void handle(Delivery delivery) throws InterruptedException {
        DeliveryDecoder.Received received = decoder.decode(delivery);
        DeliverySituation situation = received.situation();
        enter(delivery, received);
        DeliveryDecision decision = policy.decide(situation);
        if (decision instanceof DeliveryDecision.Handle) {
            situation = situation.then(run(delivery, situation));
            decision = policy.decide(situation);
        }
        carrier.carryOut(delivery, situation, decision);
    }

    /** Counts the delivery (per job, as the stages count) and puts its trace and text id into the log context. */
    private void enter(Delivery delivery, DeliveryDecoder.Received received) {
        DeliverySituation situation = received.situation();
        if (situation.jobs().isEmpty()) {
            metrics.delivered(delivery.lane(), received.queueWait(), delivery.redelivered());
            return;
        }
        MessageTrace.enter(received.trace());
        for (int i = 0; i < situation.jobs().size(); i++) {
            metrics.delivered(delivery.lane(), received.queueWait(), delivery.redelivered());
        }
        if (!situation.multi()) {
            MDC.put(LogKeys.TEXT_ID, situation.jobs().get(0).id().toString());
        }
    }

    /**
     * Runs the handler on the delivery's jobs and announces their results at once (before the ack). A multi-job
     * message's jobs share one handler call (one transaction for their results) and one result group.
     *
     * @return what became of the jobs, for the policy
     */
    Stage run(Delivery delivery, DeliverySituation situation) throws InterruptedException {
        try {
            return situation.multi()
                    ? runAll(delivery, situation.jobs())
                    : runOne(delivery, situation.jobs().get(0));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            // a bug in the handler for this one input must not stop the worker or leave the message unacked
            return HandlingFailures.classify(e);
        }
    }

    private Stage runOne(Delivery delivery, Job job) throws Exception {
        Result result = handler.handle(job);
        announcer.done(delivery, job, result);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "job {} done: {} (model {})", job.id(), result.prediction().language(), result.modelVersion());
        }
        return new Stage.Handled(List.of());
    }

    private Stage runAll(Delivery delivery, List<Job> jobs) throws InterruptedException {
        List<Job> failed = new ArrayList<>();
        List<JobOutcome> outcomes = handler.handleAll(jobs);
        for (JobOutcome outcome : outcomes) {
            if (outcome.isFailed()) {
                LOG.info(
                        "job {} failed in a multi-job message: {}; trying it alone",
                        outcome.job().id(),
                        HandlingFailures.describe(outcome.failure()));
                failed.add(outcome.job());
            }
        }
        announcer.done(delivery, outcomes); // those that succeeded, in one result group
        return new Stage.Handled(failed);
    }

    /** Returns a delivery to its queue; if its channel is broken the broker does that by itself. */
    static void requeue(Delivery delivery) {
        try {
            if (delivery.channel().isOpen()) {
                delivery.channel().basicNack(delivery.deliveryTag(), false, true);
                delivery.acks().settledIndividually(delivery.deliveryTag());
            }
        } catch (IOException | RuntimeException e) {
            // channel gone meanwhile: the broker requeues it anyway
        }
    }

    @Override
    public void close() {
        channels.close();
    }
}
