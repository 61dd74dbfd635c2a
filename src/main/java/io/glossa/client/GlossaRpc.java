package io.glossa.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * RPC through glossa's jobs exchange: publish {@code {"id","text"}} with {@code reply_to}, confirmed, and wait for the
 * worker's reply. Works on RabbitMQ and on the embedded broker ({@code amqp://guest:guest@127.0.0.1:5673}): the reply
 * queue is an exclusive, auto-delete, server-named one, which both have (RabbitMQ's direct reply-to is not on Qpid).
 * One instance holds one connection; it is not for concurrent use.
 */
public final class GlossaRpc implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final Channel channel;
    private final String jobsExchange;
    private final String replyQueue;
    private final BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(16);
    private volatile String expected;

    /** @param queuePrefix glossa's --queue-prefix (default "glossa") */
    public GlossaRpc(String amqpUri, String queuePrefix) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
        } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not an AMQP URI: " + e.getMessage(), e);
        }
        this.connection = factory.newConnection("glossa-client-rpc");
        this.channel = connection.createChannel();
        this.jobsExchange = queuePrefix + ".jobs";
        this.replyQueue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.confirmSelect();
        channel.basicConsume(
                replyQueue,
                true,
                (tag, delivery) -> {
                    if (delivery.getProperties().getCorrelationId() != null
                            && delivery.getProperties().getCorrelationId().equals(expected)) {
                        replies.offer(delivery.getBody()); // a late reply to an earlier call is dropped
                    }
                },
                tag -> {});
    }

    /** The prediction for {@code text} on the realtime lane; a new text with a fresh id each call. */
    public TextResult predict(String text, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        UUID id = UUID.randomUUID();
        expected = id.toString();
        replies.clear();
        byte[] body = JSON.createObjectNode()
                .put("id", id.toString())
                .put("text", text)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(id.toString())
                .replyTo(replyQueue)
                .correlationId(id.toString())
                .build();
        channel.basicPublish(jobsExchange, "realtime", true, properties, body);
        channel.waitForConfirmsOrDie(timeout.toMillis()); // the broker owns the job: it will be answered
        byte[] reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new TimeoutException("no reply for " + id + " within " + timeout.toSeconds() + " s; "
                    + "GET /api/v1/texts/" + id + " has it once a worker answered");
        }
        return TextResult.of(JSON.readTree(reply));
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
