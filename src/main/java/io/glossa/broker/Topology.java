package io.glossa.broker;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.Lane;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The exchanges and queues glossa declares, all named {@code <prefix>.*} (default prefix {@code glossa}):
 * <pre>
 *   &lt;p&gt;.jobs     direct  --realtime--&gt; &lt;p&gt;.jobs.realtime
 *                      --batch-----&gt; &lt;p&gt;.jobs.batch
 *   &lt;p&gt;.results  topic   routing key &lt;status&gt;.&lt;language&gt; (done.sv, failed.unknown); subscribers bind their own queues
 *   &lt;p&gt;.results.groups  fanout  the results of one job message in one message, for the API processes
 *   &lt;p&gt;.models   fanout  model lifecycle announcements
 *   &lt;p&gt;.failed   fanout  --&gt; &lt;p&gt;.failed (poison and malformed jobs, with their reason)
 * </pre>
 * On RabbitMQ the job and failed queues are quorum queues, and the job queues dead-letter to {@code <p>.failed} once
 * a message was delivered more than {@link #DELIVERY_LIMIT} times — a backstop for jobs that kill their worker; the
 * consumer's own attempt counting normally moves poison jobs first. On Qpid they are plain durable queues without
 * {@code x-} arguments, which Qpid rejects by closing the connection.
 */
public record Topology(String prefix) {
    public static final String DEFAULT_PREFIX = "glossa";
    /** Fixed rather than derived from --max-attempts: RabbitMQ refuses to redeclare a queue with other arguments. */
    public static final int DELIVERY_LIMIT = 10;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    public Topology {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("queue prefix must be 1-100 letters, digits, '.', '_' or '-' "
                    + "(starting with a letter or digit), got '" + prefix + "'");
        }
    }

    public static Topology defaults() {
        return new Topology(DEFAULT_PREFIX);
    }

    public String jobsExchange() {
        return prefix + ".jobs";
    }

    public String queue(Lane lane) {
        return prefix + ".jobs." + lane.key();
    }

    public String resultsExchange() {
        return prefix + ".results";
    }

    /** One message per job message with all its results: what API processes follow (cheaper than every event). */
    public String resultGroupsExchange() {
        return prefix + ".results.groups";
    }

    public String modelsExchange() {
        return prefix + ".models";
    }

    public String failedExchange() {
        return prefix + ".failed";
    }

    public String failedQueue() {
        return prefix + ".failed";
    }

    /**
     * Declares everything (idempotent). Keep the channel open for the connection's life: automatic topology
     * recovery re-declares on the channel that declared first.
     */
    public void declare(Channel channel, BrokerFlavour flavour) {
        String step = "exchanges";
        try {
            channel.exchangeDeclare(jobsExchange(), BuiltinExchangeType.DIRECT, true);
            channel.exchangeDeclare(resultsExchange(), BuiltinExchangeType.TOPIC, true);
            channel.exchangeDeclare(resultGroupsExchange(), BuiltinExchangeType.FANOUT, true);
            channel.exchangeDeclare(modelsExchange(), BuiltinExchangeType.FANOUT, true);
            channel.exchangeDeclare(failedExchange(), BuiltinExchangeType.FANOUT, true);
            step = "queue " + failedQueue();
            channel.queueDeclare(failedQueue(), true, false, false, failedQueueArguments(flavour));
            channel.queueBind(failedQueue(), failedExchange(), "");
            for (Lane lane : Lane.values()) {
                step = "queue " + queue(lane);
                channel.queueDeclare(queue(lane), true, false, false, jobQueueArguments(flavour));
                channel.queueBind(queue(lane), jobsExchange(), lane.key());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot declare the AMQP topology (" + step + "): " + AmqpConnector.reason(e)
                            + (AmqpErrors.replyCode(e) == AmqpErrors.PRECONDITION_FAILED
                                    ? " - it exists with other settings; delete it or use another --queue-prefix"
                                    : ""),
                    e);
        }
    }

    Map<String, Object> jobQueueArguments(BrokerFlavour flavour) {
        if (!flavour.supportsQueueArguments()) {
            return null;
        }
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", "quorum");
        args.put("x-delivery-limit", DELIVERY_LIMIT);
        args.put("x-dead-letter-exchange", failedExchange());
        return args;
    }

    Map<String, Object> failedQueueArguments(BrokerFlavour flavour) {
        return flavour.supportsQueueArguments() ? Map.of("x-queue-type", "quorum") : null;
    }

    /** The job queues of every lane, then the failed queue. */
    public List<String> queues() {
        List<String> queues = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            queues.add(queue(lane));
        }
        queues.add(failedQueue());
        return queues;
    }

    /** Removes everything declared here (tests, uninstall); what is already gone is skipped. */
    public void delete(BrokerConnection connection) {
        for (String queue : queues()) {
            deleteOne(connection, channel -> channel.queueDelete(queue));
        }
        for (String exchange : List.of(
                jobsExchange(), resultsExchange(), resultGroupsExchange(), modelsExchange(), failedExchange())) {
            deleteOne(connection, channel -> channel.exchangeDelete(exchange));
        }
    }

    private interface Deletion {
        void run(Channel channel) throws IOException;
    }

    /** One channel per deletion: Qpid answers a missing queue with 404, which closes the channel. */
    private static void deleteOne(BrokerConnection connection, Deletion deletion) {
        try (Channel channel = connection.openChannel()) {
            deletion.run(channel);
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            if (AmqpErrors.replyCode(e) != AmqpErrors.NOT_FOUND) {
                throw new IllegalStateException("cannot delete the AMQP topology: " + AmqpConnector.reason(e), e);
            }
        }
    }
}
