package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.DeliveryPolicy;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobOutcome;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces the results of one delivery: a result event per job on the results exchange (for outside subscribers),
 * an RPC reply per job to the delivery's reply-to queue, and one result group with all of them on the result-groups
 * exchange (for the API processes: one message per job message rather than per job). This process's own result
 * followers get them in memory first ({@link LocalResults}). All are notifications: the store holds the truth, so
 * they are not confirmed, and a failure to send one is only logged. Re-verify jobs announce nothing.
 */
final class ResultAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    private final WorkerChannels channels;
    private final Topology topology;
    private final LocalResults local;

    ResultAnnouncer(WorkerChannels channels, Topology topology, LocalResults local) {
        this.channels = channels;
        this.topology = topology;
        this.local = local;
    }

    void done(Delivery delivery, Job job, Result result) {
        announce(delivery, DeliveryPolicy.announces(job) ? List.of(doneEvent(job, result)) : List.of());
    }

    /** The results of the outcomes that succeeded, together. */
    void done(Delivery delivery, List<JobOutcome> outcomes) {
        List<ResultEvent> events = new ArrayList<>(outcomes.size());
        for (JobOutcome outcome : outcomes) {
            if (!outcome.isFailed() && DeliveryPolicy.announces(outcome.job())) {
                events.add(doneEvent(outcome.job(), outcome.result()));
            }
        }
        announce(delivery, events);
    }

    void failed(Delivery delivery, Job job, String reason) {
        if (DeliveryPolicy.announces(job)) {
            announce(
                    delivery,
                    List.of(new ResultEvent(
                            job.id(), TextStatus.FAILED, null, reason, job.submittedAt(), job.owner())));
        }
    }

    private static ResultEvent doneEvent(Job job, Result result) {
        return new ResultEvent(job.id(), TextStatus.DONE, result, null, job.submittedAt(), job.owner());
    }

    private void announce(Delivery delivery, List<ResultEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        boolean handedOver = local.handOver(events);
        List<byte[]> bodies = new ArrayList<>(events.size());
        try {
            Channel channel = channels.events();
            for (ResultEvent event : events) {
                byte[] body = ResultEventCodec.encode(event);
                bodies.add(body);
                publishEvent(channel, delivery, event, body);
            }
            AMQP.BasicProperties group = properties(null)
                    .headers(handedOver ? Map.of(MessageHeaders.ORIGIN, local.origin()) : null)
                    .build();
            channel.basicPublish(topology.resultGroupsExchange(), "", false, group, ResultGroupCodec.encode(bodies));
        } catch (IOException | RuntimeException e) {
            if (channels.connectionOpen()) {
                LOG.warn(
                        "results of {} jobs (first {}) not all published: {}",
                        events.size(),
                        events.get(0).id(),
                        AmqpConnector.reason(e));
            } // else the connection is down, and the ack that follows reports it
            channels.dropEvents();
        }
    }

    /** The public event, and the RPC reply if the delivery asks for one. */
    private void publishEvent(Channel channel, Delivery delivery, ResultEvent event, byte[] body) throws IOException {
        AMQP.BasicProperties eventProperties = properties(event.id().toString()).build();
        channel.basicPublish(topology.resultsExchange(), event.routingKey(), false, eventProperties, body);
        String replyTo = delivery.properties().getReplyTo();
        if (replyTo != null && !replyTo.isBlank()) {
            AMQP.BasicProperties reply = eventProperties
                    .builder()
                    .correlationId(delivery.properties().getCorrelationId())
                    .build();
            channel.basicPublish("", replyTo, false, reply, body);
        }
    }

    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    private static AMQP.BasicProperties.Builder properties(String messageId) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(1)
                .messageId(messageId)
                .timestamp(new Date());
    }
}
