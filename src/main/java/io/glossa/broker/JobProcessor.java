package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.StoreUnavailableException;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.JobOutcome;
import io.glossa.pipeline.JobRejectedException;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.UnknownTextException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles one delivery at a time for one worker thread, and acks it only after its outcome is safe (a multi-job
 * delivery: see {@link #handleMulti}):
 * <ul>
 *   <li>malformed body or envelope (content type not JSON, message_id not the body's id) → failed queue
 *       (confirmed), ack;</li>
 *   <li>handler ok → result event (+ RPC reply), ack;</li>
 *   <li>handler threw → after a backoff, a copy with {@code x-glossa-attempts + 1} goes back to the lane (confirmed),
 *       ack; after {@code maxAttempts} → {@link JobHandler#giveUp}, failed queue (confirmed), failed event, ack.</li>
 * </ul>
 * If the broker fails in between, nothing is acked and the broker redelivers; the handler is idempotent.
 * Owns its two publishing channels (confirmed for jobs, unconfirmed for events and replies), so they are never shared.
 */
final class JobProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    private final BrokerConnection connection;
    private final Topology topology;
    private final ConsumerSettings settings;
    private final JobMessageCodec codec;
    private final JobHandler handler;
    private final Duration confirmTimeout;
    private final PipelineMetrics metrics;
    private ConfirmedChannel confirmed;
    private Channel events;

    JobProcessor(BrokerConnection connection, Topology topology, ConsumerSettings settings, JobHandler handler,
                 Duration confirmTimeout, PipelineMetrics metrics) {
        this.connection = connection;
        this.topology = topology;
        this.settings = settings;
        this.codec = new JobMessageCodec(settings.maxBodyBytes());
        this.handler = handler;
        this.confirmTimeout = confirmTimeout;
        this.metrics = metrics;
    }

    void process(Delivery delivery) {
        // log lines about this message carry its id (for a single-job message also the text's id, see handleOne)
        String messageId = delivery.properties().getMessageId();
        if (messageId != null) {
            MDC.put(LogKeys.MESSAGE_ID, messageId);
        }
        try {
            handle(delivery);
        } catch (BrokerUnavailableException e) {
            // not acked: back to its queue now if the lane channel still works, else when the connection is back
            LOG.warn("broker trouble while finishing job message {}: {}; it will be redelivered",
                    delivery.properties().getMessageId(), e.getMessage());
            dropConfirmedChannel();
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
        Map<String, Object> headers = delivery.properties().getHeaders();
        Duration queueWait = queueWait(headers);
        int attempts = MessageHeaders.intHeader(headers, MessageHeaders.ATTEMPTS);
        JobBody body;
        try {
            JobEnvelope.checkContentType(delivery.properties());
            body = codec.decodeAll(delivery.body());
            if (!body.multi()) {
                JobEnvelope.checkMessageId(delivery.properties(), body.jobs().get(0).id());
            }
        } catch (MalformedMessageException e) {
            metrics.delivered(delivery.lane(), queueWait, delivery.redelivered());
            LOG.warn("malformed job message (message id {}) on lane {} moved to the failed queue: {}",
                    delivery.properties().getMessageId(), delivery.lane().key(), e.getMessage());
            moveToFailed(delivery, null, "malformed message: " + e.getMessage(), attempts);
            return;
        }
        // the message's trace (single job, or every job of a multi-job message) goes into the log context; a job of
        // a multi-job message keeps its own from the body, which it takes along if it has to go on alone
        TraceContext messageTrace = TraceContext.parse(MessageHeaders.stringHeader(headers, MessageHeaders.TRACEPARENT));
        MessageTrace.enter(messageTrace);
        List<Job> jobs = new ArrayList<>(body.jobs().size());
        for (JobMessage message : body.jobs()) {
            metrics.delivered(delivery.lane(), queueWait, delivery.redelivered()); // per job, as the stages count
            Instant submittedAt = message.submittedAt() != null ? message.submittedAt() : submittedAt(delivery.properties());
            TraceContext trace = message.trace() != null ? message.trace() : messageTrace;
            jobs.add(new Job(message.id(), message.text(), delivery.lane(), submittedAt, message.rescore(),
                    message.question(), message.owner(), trace));
        }
        int redeliveries = MessageHeaders.intHeader(headers, MessageHeaders.DELIVERY_COUNT);
        if (body.multi()) {
            handleMulti(delivery, jobs, attempts, redeliveries);
        } else {
            handleOne(delivery, jobs.get(0), attempts, redeliveries);
        }
    }

    private void handleOne(Delivery delivery, Job job, int attempts, int redeliveries) throws InterruptedException {
        MDC.put(LogKeys.TEXT_ID, job.id().toString());
        if (redeliveries >= settings.maxRedeliveries()) {
            giveUp(delivery, job, "delivered " + (redeliveries + 1) + " times without an ack "
                    + "(a worker died or lost its connection while handling it)", attempts);
            return;
        }
        Result result;
        try {
            result = handler.handle(job);
        } catch (JobRejectedException | UnknownTextException e) {
            giveUp(delivery, job, describe(e), attempts + 1);
            return;
        } catch (StoreUnavailableException e) {
            if (!e.isOutage()) {
                failedAttempt(delivery, job, attempts + 1, e);
                return;
            }
            waitOutOutage(delivery, List.of(job), attempts, e);
            return;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            // a bug in the handler for this one input must not stop the worker or leave the message unacked
            failedAttempt(delivery, job, attempts + 1, e);
            return;
        }
        announceDone(delivery, job, result);
        ack(delivery);
        if (LOG.isDebugEnabled()) {
            LOG.debug("job {} done: {} (model {})", job.id(), result.prediction().language(), result.modelVersion());
        }
    }

    /**
     * The jobs of a multi-job message share one handler call (one transaction for their results) and one ack. A job
     * that fails goes back alone, as a single-job message with this try counted: from there on it has its own
     * attempts, its own backoff and, if it keeps failing, its own reason in the failed queue, and never holds up the
     * others. A multi-job message that comes back (its worker died or lost the connection) is split the same way.
     */
    private void handleMulti(Delivery delivery, List<Job> jobs, int attempts, int redeliveries) throws InterruptedException {
        if (delivery.redelivered() || redeliveries > 0) {
            LOG.info("multi-job message of {} jobs came back (redelivered); splitting it into single jobs", jobs.size());
            sendBackAlone(delivery, jobs, attempts);
            return;
        }
        List<JobOutcome> outcomes;
        try {
            outcomes = handler.handleAll(jobs);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            if (e instanceof StoreUnavailableException store && store.isOutage()) {
                waitOutOutage(delivery, jobs, attempts, store);
                return;
            }
            LOG.info("multi-job message of {} jobs failed ({}); splitting it into single jobs", jobs.size(), describe(e));
            sendBackAlone(delivery, jobs, attempts + 1);
            return;
        }
        List<Job> failed = new ArrayList<>();
        for (JobOutcome outcome : outcomes) {
            if (outcome.isFailed()) {
                LOG.info("job {} failed in a multi-job message: {}; trying it alone", outcome.job().id(),
                        describe(outcome.failure()));
                failed.add(outcome.job());
            } else {
                announceDone(delivery, outcome.job(), outcome.result());
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("multi-job message of {} jobs done, {} to try alone", jobs.size(), failed.size());
        }
        if (failed.isEmpty()) {
            ack(delivery);
        } else {
            sendBackAlone(delivery, failed, attempts + 1);
        }
    }

    private void announceDone(Delivery delivery, Job job, Result result) {
        if (!job.isRescore()) { // a re-verify answer is not the text's result: clients must not see it
            announce(delivery, new ResultEvent(job.id(), TextStatus.DONE, result, null, job.submittedAt(), job.owner()));
        }
    }

    /** The database is down, not the jobs at fault: wait and put the message back without using up an attempt. */
    private void waitOutOutage(Delivery delivery, List<Job> jobs, int attempts, StoreUnavailableException e)
            throws InterruptedException {
        LOG.warn("{}: database unreachable ({}); putting it back on its queue",
                jobs.size() == 1 ? "job " + jobs.get(0).id() : jobs.size() + " jobs", e.getMessage());
        Thread.sleep(settings.backoff(settings.maxAttempts()).toMillis());
        republish(delivery, attempts);
    }

    /**
     * Each job as a single-job message on the delivery's lane (confirmed), then the delivery is acked. The attempt
     * count stays below the limit, so that every job gets at least one try of its own before it is failed.
     */
    private void sendBackAlone(Delivery delivery, List<Job> jobs, int attempts) {
        int counted = Math.min(attempts, settings.maxAttempts() - 1);
        ConfirmedChannel channel = confirmed();
        for (Job job : jobs) {
            AMQP.BasicProperties single = AmqpJobPublisher.properties(job);
            Map<String, Object> headers = new HashMap<>(single.getHeaders());
            headers.put(MessageHeaders.ATTEMPTS, counted);
            AMQP.BasicProperties properties = single.builder().headers(headers)
                    .replyTo(delivery.properties().getReplyTo())
                    .correlationId(delivery.properties().getCorrelationId()).build();
            channel.publish(topology.jobsExchange(), delivery.lane().key(), properties,
                    JobMessageCodec.encode(job));
        }
        channel.awaitConfirms();
        ack(delivery);
    }

    private void failedAttempt(Delivery delivery, Job job, int attempts, Throwable e) throws InterruptedException {
        String reason = describe(e);
        if (attempts >= settings.maxAttempts()) {
            giveUp(delivery, job, reason + " (after " + attempts + " attempts)", attempts);
            return;
        }
        LOG.info("job {} failed attempt {} of {}: {}; retrying", job.id(), attempts, settings.maxAttempts(), reason);
        Thread.sleep(settings.backoff(attempts).toMillis());
        republish(delivery, attempts);
    }

    private void giveUp(Delivery delivery, Job job, String reason, int attempts) throws InterruptedException {
        try {
            handler.giveUp(job, reason);
        } catch (UnknownTextException e) {
            // no stored text to mark failed: the failed queue is the only record
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // the job cannot even be recorded as failed (store down?): keep it alive and try again later
            LOG.warn("job {}: could not record its failure ({}); putting it back on its queue", job.id(), describe(e));
            Thread.sleep(settings.backoff(attempts).toMillis());
            republish(delivery, Math.max(0, attempts - 1));
            return;
        }
        LOG.warn("job {} moved to the failed queue: {}", job.id(), reason);
        moveToFailed(delivery, job, reason, attempts);
    }

    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    private void moveToFailed(Delivery delivery, Job job, String reason, int attempts) {
        AMQP.BasicProperties original = delivery.properties();
        FailedMessage failed = new FailedMessage(reason, attempts, Instant.now(), delivery.lane().key(),
                job != null ? job.id().toString() : original.getMessageId(), delivery.body(), delivery.body().length);
        Map<String, Object> headers = new HashMap<>();
        headers.put(MessageHeaders.LANE, delivery.lane().key());
        headers.put(MessageHeaders.ATTEMPTS, attempts);
        headers.put(MessageHeaders.FAILURE_REASON, truncate(reason, 500));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .messageId(failed.messageId())
                .timestamp(new java.util.Date())
                .headers(headers)
                .build();
        ConfirmedChannel channel = confirmed();
        channel.publish(topology.failedExchange(), delivery.lane().key(), properties, FailedMessageCodec.encode(failed));
        channel.awaitConfirms();
        if (job != null && !job.isRescore()) {
            announce(delivery, new ResultEvent(job.id(), TextStatus.FAILED, null, reason, job.submittedAt(),
                    job.owner()));
        }
        ack(delivery);
    }

    /** A copy of the job, same properties, with the attempt count; confirmed before the original is acked. */
    private void republish(Delivery delivery, int attempts) {
        AMQP.BasicProperties original = delivery.properties();
        Map<String, Object> headers = original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
        headers.remove(MessageHeaders.DELIVERY_COUNT);
        headers.put(MessageHeaders.ATTEMPTS, attempts);
        headers.put(MessageHeaders.PUBLISHED_AT, Instant.now().toString()); // its queue wait starts again
        AMQP.BasicProperties properties = original.builder().headers(headers).deliveryMode(2).build();
        ConfirmedChannel channel = confirmed();
        channel.publish(topology.jobsExchange(), delivery.lane().key(), properties, delivery.body());
        channel.awaitConfirms();
        ack(delivery);
    }

    /** Result event and RPC reply are notifications: the store holds the truth, so they are not confirmed. */
    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    private void announce(Delivery delivery, ResultEvent event) {
        byte[] body = ResultEventCodec.encode(event);
        AMQP.BasicProperties eventProperties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(1)
                .messageId(event.id().toString())
                .timestamp(new java.util.Date())
                .build();
        try {
            Channel channel = events();
            channel.basicPublish(topology.resultsExchange(), event.routingKey(), false, eventProperties, body);
            String replyTo = delivery.properties().getReplyTo();
            if (replyTo != null && !replyTo.isBlank()) {
                AMQP.BasicProperties reply = eventProperties.builder()
                        .correlationId(delivery.properties().getCorrelationId()).build();
                channel.basicPublish("", replyTo, false, reply, body);
            }
        } catch (IOException | RuntimeException e) {
            if (connection.isOpen()) {
                LOG.warn("result event for {} not published: {}", event.id(), AmqpConnector.reason(e));
            } // else the connection is down, and the ack that follows reports it
            closeEvents();
        }
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

    /** The outcome is safe: the consumer acks it within milliseconds, together with others. */
    private static void ack(Delivery delivery) {
        delivery.acks().completed(delivery.deliveryTag());
    }

    private ConfirmedChannel confirmed() {
        if (confirmed == null || !confirmed.isOpen()) {
            dropConfirmedChannel();
            confirmed = new ConfirmedChannel(connection, confirmTimeout);
        }
        return confirmed;
    }

    private Channel events() {
        if (events == null || !events.isOpen()) {
            events = connection.openChannel();
        }
        return events;
    }

    private void dropConfirmedChannel() {
        if (confirmed != null) {
            confirmed.close();
            confirmed = null;
        }
    }

    private void closeEvents() {
        if (events != null) {
            try {
                events.abort();
            } catch (IOException | RuntimeException ignored) {
                // already broken
            }
            events = null;
        }
    }

    @Override
    public void close() {
        dropConfirmedChannel();
        closeEvents();
    }

    /** Since the publish of this copy, or null if the message does not say (outside producers, a garbled header). */
    private static Duration queueWait(Map<String, Object> headers) {
        String header = MessageHeaders.stringHeader(headers, MessageHeaders.PUBLISHED_AT);
        if (header == null) {
            return null;
        }
        try {
            return Duration.between(Instant.parse(header), Instant.now());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant submittedAt(AMQP.BasicProperties properties) {
        String header = MessageHeaders.stringHeader(properties.getHeaders(), MessageHeaders.SUBMITTED_AT);
        if (header != null) {
            try {
                return Instant.parse(header);
            } catch (DateTimeParseException e) {
                // fall back to the AMQP timestamp
            }
        }
        // outside producers may send neither: then the job counts from its delivery
        return properties.getTimestamp() == null ? Instant.now() : properties.getTimestamp().toInstant();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return truncate(text, 1_000);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
