package io.glossa.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.glossa.pipeline.BrokerUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Inspects and re-drives the failed queue ({@code glossa failed}), the same way on RabbitMQ and Qpid: messages are
 * taken with {@code basic.get} without ack, and whatever is not replayed goes back when the channel closes. A replayed
 * job is published to its lane as a fresh job (confirmed, no attempt count) before its failed copy is acked, so a crash
 * in between leaves a duplicate, never a loss; the store keeps one result per text either way.
 */
public final class FailedQueue {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerConnection connection;
    private final Topology topology;

    public FailedQueue(AmqpBroker broker) {
        this.connection = broker.publishing();
        this.topology = broker.topology();
    }

    /** Up to {@code limit} failed jobs, oldest first; the queue is left as it was. */
    public List<FailedJob> list(int limit) {
        List<FailedJob> jobs = new ArrayList<>();
        browse(limit, (job, tag, channel) -> {
            jobs.add(job);
            return false;
        });
        return jobs;
    }

    /**
     * Publishes every failed job that {@code which} selects back to its lane and removes it from the failed queue.
     * @return the jobs replayed; jobs selected but not replayable (see {@link FailedJob#replayable()}) stay
     */
    public List<FailedJob> replay(Predicate<FailedJob> which) {
        List<FailedJob> replayed = new ArrayList<>();
        Channel confirms = connection.openChannel();
        try {
            confirms.confirmSelect();
            browse(Integer.MAX_VALUE, (job, tag, channel) -> {
                if (!which.test(job) || !job.replayable()) {
                    return false;
                }
                confirms.basicPublish(
                        topology.jobsExchange(),
                        job.lane(),
                        true,
                        replayProperties(job),
                        job.original().getBytes(StandardCharsets.UTF_8));
                confirms.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
                channel.basicAck(tag, false);
                replayed.add(job);
                return true;
            });
        } catch (IOException e) {
            throw new BrokerUnavailableException("replaying failed jobs stopped: " + AmqpConnector.reason(e), e);
        } finally {
            closeQuietly(confirms);
        }
        return replayed;
    }

    /** What to do with one message taken from the queue: true if it was acked (consumed). */
    @FunctionalInterface
    private interface Visit {
        boolean visit(FailedJob job, long deliveryTag, Channel channel)
                throws IOException, TimeoutException, InterruptedException;
    }

    /** Takes at most the messages that were in the queue when it began (not the ones put back meanwhile). */
    private void browse(int limit, Visit visit) {
        Channel channel = connection.openChannel();
        try {
            long waiting = channel.queueDeclarePassive(topology.failedQueue()).getMessageCount();
            for (int place = 1; place <= Math.min(waiting, limit); place++) {
                GetResponse message = channel.basicGet(topology.failedQueue(), false);
                if (message == null) {
                    break;
                }
                visit.visit(read(message, place), message.getEnvelope().getDeliveryTag(), channel);
            }
        } catch (IOException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new BrokerUnavailableException(
                    "reading the failed queue " + topology.failedQueue() + " stopped: " + AmqpConnector.reason(e), e);
        } finally {
            closeQuietly(channel); // every message taken and not acked goes back to the queue
        }
    }

    /** glossa's failed-job body, or a job RabbitMQ dead-lettered as it was (with an x-death header). */
    static FailedJob read(GetResponse message, int place) {
        AMQP.BasicProperties properties = message.getProps();
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        String id = properties.getMessageId() != null ? properties.getMessageId() : "#" + place;
        if (!headers.containsKey("x-death")) {
            try {
                FailedMessage failed = FailedMessageCodec.decode(message.getBody());
                String original = new String(failed.original(), StandardCharsets.UTF_8);
                boolean utf8 = isUtf8Text(message.getBody());
                return new FailedJob(
                        id,
                        failed.reason(),
                        failed.attempts(),
                        failed.failedAt(),
                        failed.lane(),
                        utf8 ? original : null,
                        failed.originalBytes(),
                        failed.original().length == failed.originalBytes());
            } catch (IllegalArgumentException e) {
                // not ours: shown as it is, not replayable
                return new FailedJob(
                        id,
                        "unreadable failed-queue message: " + e.getMessage(),
                        0,
                        null,
                        null,
                        null,
                        message.getBody().length,
                        false);
            }
        }
        Map<?, ?> death = firstDeath(headers.get("x-death"));
        String lane = MessageHeaders.stringHeader(headers, MessageHeaders.LANE);
        String reason = death == null ? "dead-lettered" : "dead-lettered by the broker: " + death.get("reason");
        Object time = death == null ? null : death.get("time");
        Instant at = time instanceof java.util.Date date ? date.toInstant() : null;
        return new FailedJob(
                id,
                reason,
                MessageHeaders.intHeader(headers, MessageHeaders.ATTEMPTS),
                at,
                lane,
                new String(message.getBody(), StandardCharsets.UTF_8),
                message.getBody().length,
                true);
    }

    private static Map<?, ?> firstDeath(Object xDeath) {
        return xDeath instanceof List<?> deaths && !deaths.isEmpty() && deaths.get(0) instanceof Map<?, ?> first
                ? first
                : null;
    }

    /** The failed message says whether it kept the original as text ({@code "encoding":"utf-8"}). */
    private static boolean isUtf8Text(byte[] failedBody) {
        try {
            JsonNode node = JSON.readTree(failedBody);
            return "utf-8".equals(node.path("original").path("encoding").asText());
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("JavaUtilDate") // the AMQP client takes the timestamp property as a java.util.Date
    private static AMQP.BasicProperties replayProperties(FailedJob job) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(MessageHeaders.LANE, job.lane());
        headers.put(MessageHeaders.PUBLISHED_AT, Instant.now().toString());
        AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .timestamp(new java.util.Date())
                .headers(headers);
        if (!job.id().startsWith("#")) {
            properties.messageId(job.id());
        }
        return properties.build();
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // the connection is gone: the broker puts unacked messages back by itself
        }
    }
}
