package io.glossa.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue of the test's own bound to glossa's jobs exchange (both lanes): it receives a copy of every job message
 * the relay publishes, exactly as a worker gets it, headers included. Exclusive and auto-delete, so it goes with its
 * connection.
 */
final class JobTap implements AutoCloseable {
    private final Connection connection;
    private final Channel channel;
    private final String queue;

    JobTap(String amqpUri, String jobsExchange) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        connection = factory.newConnection("glossa-it-job-tap");
        channel = connection.createChannel();
        queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, jobsExchange, "realtime");
        channel.queueBind(queue, jobsExchange, "batch");
    }

    /** Copies of job messages until {@code count} arrived or the timeout passed (then what arrived). */
    List<GetResponse> take(int count, Duration timeout) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count && System.nanoTime() < deadline) {
            GetResponse message = channel.basicGet(queue, true);
            if (message == null) {
                Thread.sleep(50);
            } else {
                messages.add(message);
            }
        }
        return messages;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
