package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import io.glossa.pipeline.HandlingFailures;
import io.glossa.pipeline.Job;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The confirmed publishes that take a delivery's place before it is acked: a copy back to its lane, its jobs alone
 * as single-job messages, or a record in the failed queue. Each returns once the broker confirmed.
 */
final class Republisher {
    private final WorkerChannels channels;
    private final Topology topology;

    Republisher(WorkerChannels channels, Topology topology) {
        this.channels = channels;
        this.topology = topology;
    }

    /** A copy of the message, same properties, with the attempt count; its queue wait starts again. */
    void copy(Delivery delivery, int attempts) {
        AMQP.BasicProperties original = delivery.properties();
        Map<String, Object> headers =
                original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
        headers.remove(MessageHeaders.DELIVERY_COUNT);
        headers.put(MessageHeaders.ATTEMPTS, attempts);
        headers.put(MessageHeaders.PUBLISHED_AT, Instant.now().toString());
        AMQP.BasicProperties properties =
                original.builder().headers(headers).deliveryMode(2).build();
        ConfirmedChannel channel = channels.confirmed();
        channel.publish(topology.jobsExchange(), delivery.lane().key(), properties, delivery.body());
        channel.awaitConfirms();
    }

    /** Each job as a single-job message on the delivery's lane, keeping its reply-to and correlation id. */
    void alone(Delivery delivery, List<Job> jobs, int attempts) {
        ConfirmedChannel channel = channels.confirmed();
        for (Job job : jobs) {
            AMQP.BasicProperties single = AmqpJobPublisher.properties(job);
            Map<String, Object> headers = new HashMap<>(single.getHeaders());
            headers.put(MessageHeaders.ATTEMPTS, attempts);
            AMQP.BasicProperties properties = single.builder()
                    .headers(headers)
                    .replyTo(delivery.properties().getReplyTo())
                    .correlationId(delivery.properties().getCorrelationId())
                    .build();
            channel.publish(topology.jobsExchange(), delivery.lane().key(), properties, JobMessageCodec.encode(job));
        }
        channel.awaitConfirms();
    }

    /** The original body with the reason, in the failed queue; {@code job} is null for a message never decoded. */
    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    void toFailed(Delivery delivery, Job job, String reason, int attempts) {
        AMQP.BasicProperties original = delivery.properties();
        FailedMessage failed = new FailedMessage(
                reason,
                attempts,
                Instant.now(),
                delivery.lane().key(),
                job != null ? job.id().toString() : original.getMessageId(),
                delivery.body(),
                delivery.body().length);
        Map<String, Object> headers = new HashMap<>();
        headers.put(MessageHeaders.LANE, delivery.lane().key());
        headers.put(MessageHeaders.ATTEMPTS, attempts);
        headers.put(MessageHeaders.FAILURE_REASON, HandlingFailures.truncate(reason, 500));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .messageId(failed.messageId())
                .timestamp(new Date())
                .headers(headers)
                .build();
        ConfirmedChannel channel = channels.confirmed();
        channel.publish(
                topology.failedExchange(), delivery.lane().key(), properties, FailedMessageCodec.encode(failed));
        channel.awaitConfirms();
    }
}
