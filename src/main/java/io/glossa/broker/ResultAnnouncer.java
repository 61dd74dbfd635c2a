package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.DeliveryPolicy;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import java.io.IOException;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Result events (on the results exchange) and RPC replies (to the delivery's reply-to queue). They are
 * notifications: the store holds the truth, so they are not confirmed, and a failure to send one is only logged.
 */
final class ResultAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    private final WorkerChannels channels;
    private final Topology topology;

    ResultAnnouncer(WorkerChannels channels, Topology topology) {
        this.channels = channels;
        this.topology = topology;
    }

    void done(Delivery delivery, Job job, Result result) {
        if (DeliveryPolicy.announces(job)) {
            announce(
                    delivery, new ResultEvent(job.id(), TextStatus.DONE, result, null, job.submittedAt(), job.owner()));
        }
    }

    void failed(Delivery delivery, Job job, String reason) {
        if (DeliveryPolicy.announces(job)) {
            announce(
                    delivery,
                    new ResultEvent(job.id(), TextStatus.FAILED, null, reason, job.submittedAt(), job.owner()));
        }
    }

    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    private void announce(Delivery delivery, ResultEvent event) {
        byte[] body = ResultEventCodec.encode(event);
        AMQP.BasicProperties eventProperties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(1)
                .messageId(event.id().toString())
                .timestamp(new Date())
                .build();
        try {
            Channel channel = channels.events();
            channel.basicPublish(topology.resultsExchange(), event.routingKey(), false, eventProperties, body);
            String replyTo = delivery.properties().getReplyTo();
            if (replyTo != null && !replyTo.isBlank()) {
                AMQP.BasicProperties reply = eventProperties
                        .builder()
                        .correlationId(delivery.properties().getCorrelationId())
                        .build();
                channel.basicPublish("", replyTo, false, reply, body);
            }
        } catch (IOException | RuntimeException e) {
            if (channels.connectionOpen()) {
                LOG.warn("result event for {} not published: {}", event.id(), AmqpConnector.reason(e));
            } // else the connection is down, and the ack that follows reports it
            channels.dropEvents();
        }
    }
}
