package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import io.glossa.pipeline.DeliverySituation;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.UtcInstants;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a job delivery into its {@link DeliverySituation}: its jobs and counts, or why it is malformed. */
final class DeliveryDecoder {
    private final JobMessageCodec codec;

    DeliveryDecoder(int maxBodyBytes) {
        this.codec = new JobMessageCodec(maxBodyBytes);
    }

    /**
     * A delivery read: its situation, its queue wait (null if the message does not say) and the message's trace
     * (null if malformed).
     */
    record Received(DeliverySituation situation, Duration queueWait, TraceContext trace) {}

    Received decode(Delivery delivery) {
        Map<String, Object> headers = delivery.properties().getHeaders();
        Duration queueWait = queueWait(headers);
        int attempts = MessageHeaders.intHeader(headers, MessageHeaders.ATTEMPTS);
        JobBody body;
        try {
            JobEnvelope.checkContentType(delivery.properties());
            body = codec.decodeAll(delivery.body());
            if (!body.multi()) {
                JobEnvelope.checkMessageId(
                        delivery.properties(), body.jobs().get(0).id());
            }
        } catch (MalformedMessageException e) {
            return new Received(DeliverySituation.malformed(e.getMessage(), attempts), queueWait, null);
        }
        // a job of a multi-job message keeps its own trace from the body, which it takes along if it goes on alone
        TraceContext messageTrace =
                TraceContext.parse(MessageHeaders.stringHeader(headers, MessageHeaders.TRACEPARENT));
        List<Job> jobs = new ArrayList<>(body.jobs().size());
        for (JobMessage message : body.jobs()) {
            Instant submittedAt =
                    message.submittedAt() != null ? message.submittedAt() : submittedAt(delivery.properties());
            TraceContext trace = message.trace() != null ? message.trace() : messageTrace;
            jobs.add(new Job(
                    message.id(),
                    message.text(),
                    delivery.lane(),
                    submittedAt,
                    message.rescore(),
                    message.question(),
                    message.owner(),
                    trace));
        }
        int redeliveries = MessageHeaders.intHeader(headers, MessageHeaders.DELIVERY_COUNT);
        DeliverySituation situation = new DeliverySituation(
                new DeliverySituation.Stage.Decoded(),
                jobs,
                body.multi(),
                attempts,
                redeliveries,
                delivery.redelivered());
        return new Received(situation, queueWait, messageTrace);
    }

    /** Since the publish of this copy, or null if the message does not say (outside producers, a garbled header). */
    private static Duration queueWait(Map<String, Object> headers) {
        String header = MessageHeaders.stringHeader(headers, MessageHeaders.PUBLISHED_AT);
        if (header == null) {
            return null;
        }
        try {
            return Duration.between(UtcInstants.parse(header), Instant.now());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant submittedAt(AMQP.BasicProperties properties) {
        String header = MessageHeaders.stringHeader(properties.getHeaders(), MessageHeaders.SUBMITTED_AT);
        if (header != null) {
            try {
                return UtcInstants.parse(header);
            } catch (DateTimeParseException e) {
                // fall back to the AMQP timestamp
            }
        }
        // outside producers may send neither: then the job counts from its delivery
        return properties.getTimestamp() == null
                ? Instant.now()
                : properties.getTimestamp().toInstant();
    }
}
