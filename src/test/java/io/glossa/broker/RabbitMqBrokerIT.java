package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.ResultEvent;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The broker kit against RabbitMQ on 127.0.0.1:5672 (guest/guest), plus RabbitMQ-only features. */
class RabbitMqBrokerIT extends BrokerKit {
    static final String URI = System.getProperty("glossa.rabbitmq.uri", "amqp://guest:guest@127.0.0.1:5672/");

    @Override
    AmqpEndpoint endpoint() {
        return AmqpEndpoint.parse(URI, "guest", "guest");
    }

    @Override
    BrokerFlavour expectedFlavour() {
        return BrokerFlavour.RABBITMQ;
    }

    @Test
    void jobQueuesAreQuorumQueuesThatDeadLetterToTheFailedQueue() throws Exception {
        // redeclaring with the same arguments succeeds only if the queue has exactly these arguments
        try (Channel channel = broker.publishing().openChannel()) {
            channel.queueDeclare(
                    topology.queue(Lane.REALTIME),
                    true,
                    false,
                    false,
                    Map.of(
                            "x-queue-type",
                            "quorum",
                            "x-delivery-limit",
                            Topology.DELIVERY_LIMIT,
                            "x-dead-letter-exchange",
                            topology.failedExchange()));
            channel.queueDeclare(topology.failedQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
        }
    }

    @Test
    void rabbitMqItselfDeadLettersAJobPastTheDeliveryLimit() throws Exception {
        // the backstop: a consumer that is not glossa's keeps returning the job; the quorum queue gives up on it
        java.util.UUID id = java.util.UUID.randomUUID();
        broker.jobPublisher()
                .publish(java.util.List.of(
                        new io.glossa.pipeline.Job(id, "returned forever", Lane.BATCH, java.time.Instant.now())));
        java.util.concurrent.atomic.AtomicInteger deliveries = new java.util.concurrent.atomic.AtomicInteger();
        try (Channel careless = broker.publishing().openChannel()) {
            careless.basicConsume(
                    topology.queue(Lane.BATCH),
                    false,
                    (tag, delivery) -> {
                        deliveries.incrementAndGet();
                        careless.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
                    },
                    tag -> {});
            java.util.List<com.rabbitmq.client.GetResponse> failed = drainFailed(1);
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).getProps().getMessageId()).isEqualTo(id.toString());
            assertThat(failed.get(0).getProps().getHeaders()).containsKey("x-death");
            assertThat(deliveries.get()).isEqualTo(Topology.DELIVERY_LIMIT + 1);
        }
    }

    @Test
    void anExistingQueueWithOtherArgumentsGivesOneClearLine() throws Exception {
        Topology other =
                new Topology("kit-conflict-" + UUID.randomUUID().toString().substring(0, 8));
        try (Channel channel = broker.publishing().openChannel()) {
            channel.queueDeclare(other.queue(Lane.REALTIME), true, false, false, null); // a classic queue
        }
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> AmqpBroker.connect(endpoint(), other, connectSettings(), "kit-conflict"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("queue " + other.queue(Lane.REALTIME))
                    .hasMessageContaining("it exists with other settings; delete it or use another --queue-prefix")
                    .message()
                    .doesNotContain("\n");
        } finally {
            other.delete(broker.publishing());
        }
    }

    @Test
    void rpcWithDirectReplyTo() throws Exception {
        consume(new RecordingHandler(), ConsumerSettings.defaults());
        try (Channel client = broker.publishing().openChannel()) {
            BlockingQueue<com.rabbitmq.client.Delivery> replies = new ArrayBlockingQueue<>(1);
            client.basicConsume("amq.rabbitmq.reply-to", true, (tag, delivery) -> replies.add(delivery), tag -> {});
            UUID id = UUID.randomUUID();
            AMQP.BasicProperties properties = persistentJson(id)
                    .builder()
                    .replyTo("amq.rabbitmq.reply-to")
                    .correlationId(id.toString())
                    .build();
            // direct reply-to requires publishing on the channel that consumes the pseudo-queue
            client.basicPublish(
                    topology.jobsExchange(), Lane.REALTIME.key(), properties, JobMessageCodec.encode(id, "Tack"));

            com.rabbitmq.client.Delivery reply = replies.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reply).as("direct reply-to answer").isNotNull();
            assertThat(reply.getProperties().getCorrelationId()).isEqualTo(id.toString());
            ResultEvent event = ResultEventCodec.decode(reply.getBody());
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.result().prediction().name()).isEqualTo("Swedish");
        }
    }

    @Test
    void jobThatKillsEveryWorkerIsFailedOnceItsRedeliveriesReachTheLimit() throws Exception {
        // only a quorum queue counts redeliveries (x-delivery-count); Qpid does not, so this is RabbitMQ-only
        int maxRedeliveries = 3;
        java.util.UUID id = java.util.UUID.randomUUID();
        broker.jobPublisher()
                .publish(java.util.List.of(
                        new io.glossa.pipeline.Job(id, "kills workers", Lane.REALTIME, java.time.Instant.now())));
        for (int death = 1; death <= maxRedeliveries; death++) {
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            RecordingHandler dies = new RecordingHandler() {
                @Override
                void work(io.glossa.pipeline.Job job) throws Exception {
                    never.await();
                }
            };
            BrokerConnection worker = new AmqpConnector(endpoint(), connectSettings()).connect("kit-crash-" + death);
            AmqpJobConsumer consumer =
                    new AmqpJobConsumer(worker, topology, fastRetries().withMaxRedeliveries(maxRedeliveries));
            consumer.start(dies);
            Await.until("worker " + dies + " got the job", WAIT, () -> dies.calls(id) == 1);
            worker.connection().abort(); // kill -9, as far as the broker can tell
            never.countDown();
            consumer.close();
        }
        RecordingHandler survivor = new RecordingHandler();
        consume(survivor, fastRetries().withMaxRedeliveries(maxRedeliveries));
        FailedMessage failed = FailedMessageCodec.decode(drainFailed(1).get(0).getBody());
        assertThat(failed.reason()).contains("without an ack");
        assertThat(survivor.calls(id)).isZero();
        assertThat(survivor.gaveUp).containsKey(id);
    }
}
