package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.JobPublisher;
import io.glossa.pipeline.JobQueueKit;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.Rescore;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultListener;
import io.glossa.pipeline.StoreUnavailableException;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TraceContext;
import io.glossa.testing.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker kit: the broker ports' kit it inherits ({@link JobQueueKit}) plus what only AMQP shows (message bodies
 * and properties, the failed queue, channels the broker closes, queue statistics), run against every broker glossa
 * supports (the embedded Qpid Broker-J and RabbitMQ) by tiny subclasses. Each test uses its own random queue prefix
 * and deletes its exchanges and queues afterwards.
 */
abstract class BrokerKit extends JobQueueKit {
    static final Duration WAIT = Duration.ofSeconds(30);

    AmqpBroker broker;
    Topology topology;
    final List<AutoCloseable> closeLater = new ArrayList<>();

    /** Where the broker under test is. */
    abstract AmqpEndpoint endpoint();

    abstract BrokerFlavour expectedFlavour();

    ConnectSettings connectSettings() {
        return ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10));
    }

    static ConsumerSettings fastRetries() {
        return ConsumerSettings.defaults().withRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    @BeforeEach
    void connect() {
        topology = new Topology("kit-" + UUID.randomUUID().toString().substring(0, 8));
        broker = AmqpBroker.connect(endpoint(), topology, connectSettings(), "kit");
    }

    @AfterEach
    void cleanUp() throws Exception {
        closeConsumers();
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        if (broker != null) {
            try {
                topology.delete(broker.publishing());
            } finally {
                broker.close();
            }
        }
    }

    <T extends AutoCloseable> T later(T resource) {
        closeLater.add(resource);
        return resource;
    }

    @Override
    protected JobPublisher publisher() {
        return broker.jobPublisher();
    }

    /**
     * On a connection of its own, so that {@link #crash} can kill it as a dying worker's; its deliveries are recorded
     * for the checks that look at the broker's delivery flags.
     */
    @Override
    protected JobConsumer newConsumer(Set<Lane> lanes, int maxAttempts) {
        BrokerConnection own = new AmqpConnector(endpoint(), connectSettings()).connect("kit-port");
        RecordingDeliveries deliveries = new RecordingDeliveries();
        AmqpJobConsumer consumer = new AmqpJobConsumer(
                own, topology, fastRetries().withMaxAttempts(maxAttempts), lanes, deliveries, new LocalResults());
        return new OwnConnectionConsumer(own, consumer, deliveries);
    }

    @Override
    protected void crash(JobConsumer consumer) {
        ((OwnConnectionConsumer) consumer).connection().connection().abort();
    }

    @Override
    protected void listen(ResultListener listener) {
        broker.subscribeResults("#", listener);
    }

    /** Messages ready on the lane's queue, as the broker's statistics report them. */
    private long waiting(Lane lane) {
        return broker.queueStatistics().stats(topology.queue(lane)).messages();
    }

    private long waitingFailed() {
        return broker.queueStatistics().stats(topology.failedQueue()).messages();
    }

    @Override
    protected void checkWaiting(Lane lane, int messages) {
        assertThat(waiting(lane)).as("messages waiting on the %s queue", lane).isEqualTo(messages);
    }

    @Override
    protected void awaitAllAcked(JobConsumer consumer) {
        Await.until(
                "every lane's queue empty, the backlog acked",
                WAIT,
                () -> statsByQueue().get(topology.queue(Lane.REALTIME)).messages() == 0
                        && statsByQueue().get(topology.queue(Lane.BATCH)).messages() == 0);
        assertThat(((OwnConnectionConsumer) consumer).consumer().droppedAfterChannelLoss())
                .as("deliveries dropped unsettled")
                .isZero();
    }

    @Override
    protected void checkRetriedAsNewMessages(JobConsumer consumer, Job job, int tries) {
        // the retry is a new message, not a redelivery, and it says when it was published
        assertThat(((OwnConnectionConsumer) consumer).deliveries().deliveries)
                .hasSize(tries)
                .allSatisfy(d -> {
                    assertThat(d.lane()).isEqualTo(job.lane());
                    assertThat(d.redelivered()).isFalse();
                    assertThat(d.queueWait()).isNotNull();
                });
    }

    @Override
    protected void checkGivenUpOnTheBroker(Job job, String reason) throws Exception {
        FailedMessage message = FailedMessageCodec.decode(drainFailed(1).get(0).getBody());
        assertThat(message.reason()).isEqualTo(reason);
    }

    @Override
    protected void checkNothingGivenUpOnTheBroker() {
        assertThat(waitingFailed()).as("messages in the failed queue").isZero();
    }

    /** A consumer and the connection it alone uses, closed together, with the deliveries it reported. */
    private record OwnConnectionConsumer(
            BrokerConnection connection, AmqpJobConsumer consumer, RecordingDeliveries deliveries)
            implements JobConsumer {
        @Override
        public void start(JobHandler handler) {
            consumer.start(handler);
        }

        @Override
        public void close() {
            try {
                consumer.close();
            } finally {
                if (connection.isOpen()) {
                    connection.close();
                }
            }
        }
    }

    AmqpJobConsumer consume(RecordingHandler handler, ConsumerSettings settings) {
        return consume(handler, settings, PipelineMetrics.NONE);
    }

    AmqpJobConsumer consume(RecordingHandler handler, ConsumerSettings settings, PipelineMetrics metrics) {
        // the face hands out the JobConsumer port; these tests look into the consumer
        AmqpJobConsumer consumer =
                (AmqpJobConsumer) later(broker.jobConsumer(settings, EnumSet.allOf(Lane.class), metrics));
        consumer.start(handler);
        return consumer;
    }

    /** Publishes a message as an outside producer would: any body, any properties, confirmed. */
    void publishRaw(Lane lane, AMQP.BasicProperties properties, byte[] body) throws Exception {
        try (Channel channel = broker.publishing().openChannel()) {
            channel.confirmSelect();
            channel.basicPublish(topology.jobsExchange(), lane.key(), true, properties, body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    static AMQP.BasicProperties persistentJson() {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .build();
    }

    /** The properties a well-behaved producer sets: persistent JSON whose message_id is the job id. */
    static AMQP.BasicProperties persistentJson(UUID id) {
        return persistentJson().builder().messageId(id.toString()).build();
    }

    List<GetResponse> drainFailed(int expected) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        Await.until(expected + " messages in the failed queue", WAIT, () -> waitingFailed() >= expected);
        try (Channel channel = broker.publishing().openChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(topology.failedQueue(), true)) != null) {
                messages.add(response);
            }
        }
        return messages;
    }

    /** A handler whose first {@code outages} calls meet a database outage. */
    static RecordingHandler databaseDownForCalls(int outages) {
        AtomicInteger outageCalls = new AtomicInteger();
        return new RecordingHandler() {
            @Override
            void work(Job job) {
                if (outageCalls.incrementAndGet() <= outages) {
                    throw new StoreUnavailableException("database error while storing: Connection refused", null, true);
                }
            }
        };
    }

    /** A consumer on a connection of its own whose handler hangs until closed: {@link #die} kills it unacked. */
    record StuckConsumer(
            BrokerConnection connection, AmqpJobConsumer consumer, RecordingHandler handler, CountDownLatch release)
            implements AutoCloseable {
        void die() {
            connection.connection().abort();
        }

        @Override
        public void close() {
            release.countDown();
            consumer.close();
        }
    }

    StuckConsumer startStuckConsumer() {
        CountDownLatch release = new CountDownLatch(1);
        RecordingHandler stuck = new RecordingHandler() {
            @Override
            void work(Job job) throws Exception {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        };
        BrokerConnection dying = new AmqpConnector(endpoint(), connectSettings()).connect("kit-dying");
        AmqpJobConsumer consumer = new AmqpJobConsumer(dying, topology, ConsumerSettings.defaults());
        consumer.start(stuck);
        return new StuckConsumer(dying, consumer, stuck, release);
    }

    @Test
    void detectsTheBrokerFlavour() {
        assertThat(broker.flavour()).isEqualTo(expectedFlavour());
    }

    @Test
    void confirmedJobIsHandledAndItsResultEventIsRoutedByStatusAndLanguage() throws Exception {
        BlockingQueue<ResultEvent> swedish = new ArrayBlockingQueue<>(10);
        BlockingQueue<ResultEvent> finnish = new ArrayBlockingQueue<>(10);
        broker.subscribeResults("done.sv", swedish::add);
        broker.subscribeResults("*.fi", finnish::add);
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        Job job = job("Hej, hur mår du?", Lane.REALTIME);

        broker.jobPublisher().publish(List.of(job));

        ResultEvent event = swedish.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("result event on done.sv").isNotNull();
        assertThat(event.id()).isEqualTo(job.id());
        assertThat(event.status()).isEqualTo(TextStatus.DONE);
        assertThat(event.result().prediction().language()).isEqualTo("sv");
        assertThat(event.result().prediction().nativeName()).isEqualTo("Svenska");
        assertThat(event.result().prediction().top()).hasSize(2);
        assertThat(event.result().modelVersion()).isEqualTo("test-1");
        assertThat(event.submittedAt()).isEqualTo(job.submittedAt());
        assertThat(handler.handled).singleElement().isEqualTo(job);
        assertThat(finnish.poll(200, TimeUnit.MILLISECONDS))
                .as("nothing on *.fi")
                .isNull();
    }

    @Test
    void jobMessagesAreTheDocumentedJsonWithPersistentProperties() throws Exception {
        Job job = job("Bonjour", Lane.BATCH);
        Instant before = Instant.now();
        broker.jobPublisher().publish(List.of(job));
        Instant after = Instant.now();
        GetResponse response;
        try (Channel channel = broker.publishing().openChannel()) {
            response = channel.basicGet(topology.queue(Lane.BATCH), true);
        }
        assertThat(response).isNotNull();
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"" + job.id() + "\",\"text\":\"Bonjour\"}");
        AMQP.BasicProperties p = response.getProps();
        assertThat(p.getDeliveryMode()).isEqualTo(2);
        assertThat(p.getContentType()).isEqualTo("application/json");
        assertThat(p.getMessageId()).isEqualTo(job.id().toString());
        assertThat(p.getTimestamp()).isNotNull();
        assertThat(p.getHeaders().get(MessageHeaders.LANE).toString()).isEqualTo("batch");
        assertThat(p.getHeaders().get(MessageHeaders.SUBMITTED_AT).toString())
                .isEqualTo(job.submittedAt().toString());
        assertThat(Instant.parse(p.getHeaders().get(MessageHeaders.PUBLISHED_AT).toString()))
                .isBetween(before, after);
    }

    @Test
    void publishingWithoutARouteFailsInsteadOfClaimingSuccess() throws Exception {
        try (Channel channel = broker.publishing().openChannel()) {
            channel.queueDelete(topology.queue(Lane.REALTIME));
        }
        assertThatThrownBy(() -> broker.jobPublisher().publish(List.of(job("lost?", Lane.REALTIME))))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("not routed");
        // the publisher recovers: the next publish on the routable lane succeeds
        broker.jobPublisher().publish(List.of(job("fine", Lane.BATCH)));
        assertThat(waiting(Lane.BATCH)).isEqualTo(1);
    }

    @Test
    void unackedJobIsRedeliveredWhenItsConsumerDies() throws Exception {
        StuckConsumer first = startStuckConsumer();
        Job job = job("Guten Tag", Lane.REALTIME);
        broker.jobPublisher().publish(List.of(job));
        Await.until("first consumer got the job", WAIT, () -> first.handler().calls(job.id()) == 1);

        first.die(); // without acking
        RecordingHandler second = new RecordingHandler();
        RecordingDeliveries metrics = new RecordingDeliveries();
        consume(second, ConsumerSettings.defaults(), metrics);

        Await.until("job redelivered to the second consumer", WAIT, () -> second.handled(job.id()));
        first.close();
        assertThat(second.handled).singleElement().extracting(Job::text).isEqualTo("Guten Tag");
        assertThat(metrics.deliveries).singleElement().satisfies(d -> {
            assertThat(d.lane()).isEqualTo(Lane.REALTIME);
            assertThat(d.redelivered())
                    .as("the broker's redelivered flag reaches the metrics")
                    .isTrue();
            assertThat(d.queueWait()).isNotNull();
        });
    }

    @Test
    void consumerSubscribesAgainWhenTheBrokerClosesItsLaneChannel() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        AmqpJobConsumer consumer = consume(handler, ConsumerSettings.defaults());
        Channel broken = consumer.channel(Lane.REALTIME);
        // consuming a missing queue is a channel error on every broker: it closes the channel (404)
        assertThatThrownBy(() -> broken.basicConsume(topology.prefix() + ".missing", true, (t, d) -> {}, t -> {}))
                .isInstanceOf(java.io.IOException.class);
        Await.until("the broker closed the lane channel", WAIT, () -> !broken.isOpen());
        Job job = job("after the channel error", Lane.REALTIME);
        broker.jobPublisher().publish(List.of(job));
        Await.until("job handled on the new channel", WAIT, () -> handler.handled(job.id()));
        assertThat(consumer.channel(Lane.REALTIME)).isNotSameAs(broken);
    }

    @Test
    void resultSubscriberSubscribesAgainWhenTheBrokerClosesItsChannel() throws Exception {
        BlockingQueue<ResultEvent> events = new ArrayBlockingQueue<>(10);
        ResultSubscriber subscriber = (ResultSubscriber) broker.subscribeResults("#", events::add);
        Channel broken = subscriber.channel();
        assertThatThrownBy(() -> broken.basicConsume(topology.prefix() + ".missing", true, (t, d) -> {}, t -> {}))
                .isInstanceOf(java.io.IOException.class);
        Await.until(
                "subscription restored on a new channel",
                WAIT,
                () -> subscriber.channel() != null
                        && subscriber.channel() != broken
                        && subscriber.channel().isOpen());
        consume(new RecordingHandler(), ConsumerSettings.defaults());
        Job job = job("heard again", Lane.REALTIME);
        broker.jobPublisher().publish(List.of(job));
        ResultEvent event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event)
                .as("event after the subscription's channel was closed")
                .isNotNull();
        assertThat(event.id()).isEqualTo(job.id());
    }

    @Test
    void failingJobEndsInTheFailedQueueWithItsReasonAfterMaxAttempts() throws Exception {
        BlockingQueue<ResultEvent> failedEvents = new ArrayBlockingQueue<>(10);
        broker.subscribeResults("failed.#", failedEvents::add);
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void work(Job job) {
                throw new IllegalStateException("model exploded on " + job.text());
            }
        };
        consume(handler, fastRetries().withMaxAttempts(3));
        Job job = job("poison", Lane.REALTIME);

        List<GetResponse> failed;
        try (CapturedLogs logs = CapturedLogs.of(JobProcessor.class)) {
            broker.jobPublisher().publish(List.of(job));
            failed = drainFailed(1);
            // the worker's log line carries the text's id in its context (a field of its own in JSON logs)
            assertThat(logs.events())
                    .filteredOn(e -> e.getFormattedMessage().contains("moved to the failed queue"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap())
                            .containsEntry(LogKeys.TEXT_ID, job.id().toString())
                            .containsEntry(LogKeys.MESSAGE_ID, job.id().toString()));
        }
        assertThat(failed).hasSize(1);
        FailedMessage message = FailedMessageCodec.decode(failed.get(0).getBody());
        assertThat(message.reason()).contains("model exploded on poison").contains("after 3 attempts");
        assertThat(message.attempts()).isEqualTo(3);
        assertThat(message.lane()).isEqualTo("realtime");
        assertThat(message.messageId()).isEqualTo(job.id().toString());
        assertThat(new String(message.original(), StandardCharsets.UTF_8))
                .isEqualTo(new String(JobMessageCodec.encode(job.id(), job.text()), StandardCharsets.UTF_8));
        assertThat(failed.get(0)
                        .getProps()
                        .getHeaders()
                        .get(MessageHeaders.FAILURE_REASON)
                        .toString())
                .contains("model exploded");
        assertThat(handler.calls(job.id())).isEqualTo(3);
        assertThat(handler.gaveUp).containsOnlyKeys(job.id());
        assertThat(handler.gaveUp.get(job.id())).contains("model exploded");
        ResultEvent event = failedEvents.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.status()).isEqualTo(TextStatus.FAILED);
        assertThat(event.error()).contains("model exploded");
        // the original is acked after the failed copy is confirmed, so the lane empties a moment later (CI, 18:20)
        Await.until("the original job acked off the lane", WAIT, () -> waiting(Lane.REALTIME) == 0);
    }

    @Test
    void jobsOfOnePublishShareMessagesAndEachGetsItsResult() throws Exception {
        List<Job> realtime = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            realtime.add(job("Hej " + i, Lane.REALTIME));
        }
        List<Job> batch = List.of(job("Hallo", Lane.BATCH), job("Tere", Lane.BATCH));
        List<Job> all = new ArrayList<>(realtime);
        all.addAll(batch);

        broker.jobPublisher(10).publish(all);

        assertThat(statsByQueue().get(topology.queue(Lane.REALTIME)).messages())
                .as("25 jobs in messages of 10")
                .isEqualTo(3);
        assertThat(statsByQueue().get(topology.queue(Lane.BATCH)).messages()).isEqualTo(1);
        BlockingQueue<ResultEvent> events = new ArrayBlockingQueue<>(100);
        broker.subscribeResults("#", events::add);
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        List<ResultEvent> received = new ArrayList<>();
        Await.until("a result event for every job", WAIT, () -> {
            events.drainTo(received);
            return received.size() >= all.size();
        });
        assertThat(received)
                .extracting(ResultEvent::id)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Job::id).toList());
        assertThat(received).allMatch(e -> e.status() == TextStatus.DONE);
        ResultEvent first = received.stream()
                .filter(e -> e.id().equals(realtime.get(0).id()))
                .findFirst()
                .orElseThrow();
        assertThat(first.submittedAt())
                .as("each job keeps its own submission time")
                .isEqualTo(realtime.get(0).submittedAt());
        assertThat(handler.handled).containsExactlyInAnyOrderElementsOf(all);
        Await.until(
                "every message acked",
                WAIT,
                () -> statsByQueue().get(topology.queue(Lane.REALTIME)).messages() == 0
                        && statsByQueue().get(topology.queue(Lane.BATCH)).messages() == 0);
    }

    /**
     * A job's W3C trace context goes with it: as the header of a single-job message and of a multi-job message whose
     * jobs share it, per job in the body otherwise; the worker gets each job's own, and its log lines about a traced
     * message carry the trace id, a span of its own and the sender's span (here on a retry copy, which keeps it).
     */
    @Test
    void traceContextsTravelWithTheirJobsIntoTheWorkersLogContext() throws Exception {
        TraceContext shared = TraceContext.start();
        List<Job> oneTrace = List.of(traced("Hej", shared), traced("Tere", shared));
        List<Job> mixed = List.of(
                traced("Hallo", TraceContext.start()),
                traced("Ciao", TraceContext.start()),
                job("Dobrý den", Lane.REALTIME));
        broker.jobPublisher(10).publish(oneTrace);
        broker.jobPublisher(10).publish(mixed);
        List<GetResponse> messages = new ArrayList<>();
        try (Channel channel = broker.publishing().openChannel()) {
            Await.until("both messages queued", WAIT, () -> waiting(Lane.REALTIME) == 2);
            for (int i = 0; i < 2; i++) {
                messages.add(channel.basicGet(topology.queue(Lane.REALTIME), true));
            }
        }
        assertThat(messages.get(0)
                        .getProps()
                        .getHeaders()
                        .get(MessageHeaders.TRACEPARENT)
                        .toString())
                .as("the jobs share it")
                .isEqualTo(shared.traceparent());
        assertThat(messages.get(1).getProps().getHeaders())
                .as("several traces: none in the header")
                .doesNotContainKey(MessageHeaders.TRACEPARENT);
        for (GetResponse message : messages) { // back on the queue as they were, for the worker
            publishRaw(Lane.REALTIME, message.getProps(), message.getBody());
        }
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void work(Job job) {
                if (job.text().equals("poison")) {
                    throw new IllegalStateException("model exploded");
                }
            }
        };
        consume(handler, fastRetries().withMaxAttempts(2));
        Job poison = traced("poison", TraceContext.start());
        try (CapturedLogs logs = CapturedLogs.of(JobProcessor.class)) {
            broker.jobPublisher().publish(List.of(poison));
            drainFailed(1);
            assertThat(logs.events())
                    .filteredOn(e -> e.getFormattedMessage().contains("moved to the failed queue"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap())
                            .containsEntry(LogKeys.TEXT_ID, poison.id().toString())
                            .containsEntry(LogKeys.TRACE_ID, poison.trace().traceId())
                            .containsEntry(
                                    LogKeys.PARENT_SPAN_ID, poison.trace().spanId())
                            .hasEntrySatisfying(
                                    LogKeys.SPAN_ID,
                                    span -> assertThat(span)
                                            .matches("[0-9a-f]{16}")
                                            .isNotEqualTo(poison.trace().spanId())));
        }
        List<Job> all = new ArrayList<>(oneTrace);
        all.addAll(mixed);
        Await.until("every job handled", WAIT, () -> all.stream().allMatch(j -> handler.handled(j.id())));
        assertThat(handler.handled)
                .as("each job with its own context (Job equality includes it)")
                .containsAll(all);
    }

    private static Job traced(String text, TraceContext trace) {
        Job job = job(text, Lane.REALTIME);
        return new Job(job.id(), job.text(), job.lane(), job.submittedAt(), null, null, null, trace);
    }

    /** The poison job of a multi-job message ends in the failed queue on its own; the others are done at once. */
    @Test
    void aFailingJobOfAMultiJobMessageGoesOnAloneAndFailsWithItsOwnReason() throws Exception {
        BlockingQueue<ResultEvent> events = new ArrayBlockingQueue<>(20);
        broker.subscribeResults("#", events::add);
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void work(Job job) {
                if (job.text().equals("poison")) {
                    throw new IllegalStateException("model exploded on " + job.text());
                }
            }
        };
        consume(handler, fastRetries().withMaxAttempts(3));
        Job poison = job("poison", Lane.REALTIME);
        List<Job> jobs = List.of(job("Hej", Lane.REALTIME), poison, job("Moi", Lane.REALTIME));

        broker.jobPublisher(10).publish(jobs);

        List<GetResponse> failed = drainFailed(1);
        FailedMessage message = FailedMessageCodec.decode(failed.get(0).getBody());
        assertThat(message.messageId()).isEqualTo(poison.id().toString());
        assertThat(message.reason()).contains("model exploded on poison").contains("after 3 attempts");
        assertThat(new String(message.original(), StandardCharsets.UTF_8))
                .as("the single job, not the whole message")
                .isEqualTo(new String(JobMessageCodec.encode(poison.id(), poison.text()), StandardCharsets.UTF_8));
        assertThat(handler.calls(poison.id()))
                .as("the try in the message counts as the first attempt")
                .isEqualTo(3);
        assertThat(handler.gaveUp).containsOnlyKeys(poison.id());
        List<ResultEvent> received = new ArrayList<>();
        Await.until("two done events and one failed", WAIT, () -> {
            events.drainTo(received);
            return received.size() >= 3;
        });
        assertThat(received)
                .filteredOn(e -> e.status() == TextStatus.DONE)
                .extracting(ResultEvent::id)
                .containsExactlyInAnyOrder(jobs.get(0).id(), jobs.get(2).id());
        assertThat(handler.calls(jobs.get(0).id()))
                .as("the others are not tried again")
                .isEqualTo(1);
        Await.until("the lane empties", WAIT, () -> waiting(Lane.REALTIME) == 0);
    }

    @Test
    void aMultiJobMessageWaitsOutADatabaseOutageWholeWithoutUsingAttempts() throws Exception {
        RecordingHandler handler = databaseDownForCalls(6);
        consume(handler, fastRetries().withMaxAttempts(3));
        List<Job> jobs = List.of(job("eins", Lane.REALTIME), job("zwei", Lane.REALTIME));

        broker.jobPublisher(10).publish(jobs);

        Await.until(
                "both handled once the database is back",
                WAIT,
                () -> handler.handled(jobs.get(0).id())
                        && handler.handled(jobs.get(1).id()));
        assertThat(handler.gaveUp).isEmpty();
        assertThat(waitingFailed()).isZero();
    }

    /** A worker that dies holding a multi-job message: the message comes back and is split into single jobs. */
    @Test
    void aMultiJobMessageThatComesBackIsSplitIntoSingleJobs() throws Exception {
        StuckConsumer first = startStuckConsumer();
        List<Job> jobs = List.of(job("un", Lane.REALTIME), job("deux", Lane.REALTIME), job("trois", Lane.REALTIME));
        broker.jobPublisher(10).publish(jobs);
        Await.until(
                "first consumer got the message",
                WAIT,
                () -> first.handler().calls(jobs.get(0).id()) == 1);

        first.die();
        RecordingHandler second = new RecordingHandler();
        RecordingDeliveries metrics = new RecordingDeliveries();
        consume(second, ConsumerSettings.defaults(), metrics);

        Await.until(
                "every job handled by the second consumer",
                WAIT,
                () -> jobs.stream().allMatch(j -> second.handled(j.id())));
        first.close();
        assertThat(second.handled).containsExactlyInAnyOrderElementsOf(jobs);
        assertThat(metrics.deliveries)
                .as("3 jobs of the redelivered message, then the 3 single jobs")
                .hasSize(6)
                .filteredOn(RecordingDeliveries.Reported::redelivered)
                .hasSize(3);
        Await.until("the lane empties", WAIT, () -> waiting(Lane.REALTIME) == 0);
    }

    @Test
    void anOutsideProducersMultiJobBodyIsHandledAndABadOneFailsNamingItsJob() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        publishRaw(
                Lane.BATCH,
                persistentJson(),
                ("{\"jobs\":[{\"id\":\"" + a + "\",\"text\":\"Hej\"}," + "{\"id\":\"" + b
                                + "\",\"text\":\"Moi\",\"submitted_at\":\"2026-11-27T03:00:00Z\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        publishRaw(
                Lane.BATCH,
                persistentJson(),
                ("{\"jobs\":[{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"Hej\"}," + "{\"id\":\""
                                + UUID.randomUUID() + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8));

        Await.until("both jobs of the good body handled", WAIT, () -> handler.handled(a) && handler.handled(b));
        assertThat(handler.handled.stream()
                        .filter(j -> j.id().equals(b))
                        .findFirst()
                        .orElseThrow()
                        .submittedAt())
                .isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
        List<GetResponse> failed = drainFailed(1);
        assertThat(FailedMessageCodec.decode(failed.get(0).getBody()).reason())
                .contains("jobs[1]: field \"text\" is missing");
        assertThat(handler.handled).hasSize(2);
    }

    @Test
    void jobWithAnIdTheStoreDoesNotKnowGoesToTheFailedQueueAtOnce() throws Exception {
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void work(Job job) {
                throw new io.glossa.pipeline.UnknownTextException(job.id());
            }

            @Override
            public void giveUp(Job job, String reason) {
                super.giveUp(job, reason);
                throw new io.glossa.pipeline.UnknownTextException(job.id()); // as a store would: nothing to mark
            }
        };
        consume(handler, fastRetries());
        UUID unknown = UUID.randomUUID();
        publishRaw(Lane.REALTIME, persistentJson(unknown), JobMessageCodec.encode(unknown, "from an outside producer"));
        FailedMessage failed = FailedMessageCodec.decode(drainFailed(1).get(0).getBody());
        assertThat(failed.reason()).isEqualTo("no text with id " + unknown);
        assertThat(handler.calls(unknown)).isEqualTo(1);
    }

    @Test
    void malformedMessagesGoToTheFailedQueueWithAReasonAndTheConsumerKeepsWorking() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) 'a');
        Map<String, byte[]> bad = Map.of(
                "not valid JSON", "hello there".getBytes(StandardCharsets.UTF_8),
                "not a UUID", "{\"id\":\"42\",\"text\":\"hej\"}".getBytes(StandardCharsets.UTF_8),
                "\"id\" is missing", "{\"text\":\"hej\"}".getBytes(StandardCharsets.UTF_8),
                "\"text\" must be a string",
                        ("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":5}").getBytes(StandardCharsets.UTF_8),
                "expected an object", "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                "not valid JSON (UTF-8)", new byte[] {'{', '"', 'i', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "exceeds the limit", tenMegabytes,
                "empty body", new byte[0]);
        for (byte[] body : bad.values()) {
            publishRaw(Lane.REALTIME, persistentJson(), body);
        }
        UUID tolerated = UUID.randomUUID();
        publishRaw(
                Lane.REALTIME,
                persistentJson(tolerated),
                ("{\"id\":\"" + tolerated + "\",\"text\":\"Hej\",\"hint\":\"sv\"}").getBytes(StandardCharsets.UTF_8));
        Job good = job("still working", Lane.REALTIME);
        broker.jobPublisher().publish(List.of(good));

        Await.until(
                "good jobs handled after the bad ones",
                WAIT,
                () -> handler.handled(good.id()) && handler.handled(tolerated));
        List<GetResponse> failed = drainFailed(bad.size());
        List<String> reasons = failed.stream()
                .map(r -> FailedMessageCodec.decode(r.getBody()).reason())
                .toList();
        assertThat(reasons).hasSize(bad.size());
        for (String expected : bad.keySet()) {
            assertThat(reasons).as("a failed message saying '%s'", expected).anyMatch(r -> r.contains(expected));
        }
        FailedMessage oversized = failed.stream()
                .map(r -> FailedMessageCodec.decode(r.getBody()))
                .filter(m -> m.reason().contains("exceeds"))
                .findFirst()
                .orElseThrow();
        assertThat(oversized.originalBytes()).isEqualTo(tenMegabytes.length);
        assertThat(oversized.original()).hasSize(FailedMessageCodec.MAX_ORIGINAL_BYTES);
        assertThat(handler.handled).hasSize(2);
    }

    /**
     * Envelopes that are off although the body is a valid job: another content type, a message_id naming another
     * job. Each reaches the failed queue with its reason, and the queue keeps moving. A bare body (no message_id, no
     * content type), as the simplest outside producer sends it, is a job.
     */
    @Test
    void jobsWithAWrongEnvelopeGoToTheFailedQueueWithAReasonAndTheConsumerKeepsWorking() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        UUID plainText = UUID.randomUUID();
        UUID noMessageId = UUID.randomUUID();
        UUID otherMessageId = UUID.randomUUID();
        publishRaw(
                Lane.REALTIME,
                persistentJson(plainText).builder().contentType("text/plain").build(),
                JobMessageCodec.encode(plainText, "Hej"));
        publishRaw(Lane.REALTIME, persistentJson(), JobMessageCodec.encode(noMessageId, "Hej"));
        publishRaw(Lane.BATCH, persistentJson(UUID.randomUUID()), JobMessageCodec.encode(otherMessageId, "Hej"));
        UUID noContentType = UUID.randomUUID();
        publishRaw(
                Lane.REALTIME,
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .messageId(noContentType.toString())
                        .build(),
                JobMessageCodec.encode(noContentType, "a producer that sets no content type is read as JSON"));
        Job good = job("still working", Lane.BATCH);
        broker.jobPublisher().publish(List.of(good));

        Await.until(
                "good jobs handled after the bad ones",
                WAIT,
                () -> handler.handled(good.id()) && handler.handled(noContentType) && handler.handled(noMessageId));
        List<String> reasons = drainFailed(2).stream()
                .map(r -> FailedMessageCodec.decode(r.getBody()).reason())
                .toList();
        assertThat(reasons).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("malformed message: "));
        assertThat(reasons)
                .anyMatch(r -> r.contains("content type 'text/plain' is not application/json"))
                .anyMatch(r -> r.contains("is not the body's id " + otherMessageId));
        assertThat(handler.calls(plainText) + handler.calls(otherMessageId)).isZero();
        Await.until("nothing left unacked", WAIT, () -> waiting(Lane.REALTIME) == 0 && waiting(Lane.BATCH) == 0);
    }

    /**
     * API processes follow result groups: one message per job message. A process's followers get its own workers'
     * results in memory (their groups carry the process's origin and are skipped when they come back) and other
     * processes' through the broker: each result once either way.
     */
    @Test
    void followersHearEveryResultOnceInGroupsFromOtherProcessesAndInMemoryFromTheirOwn() throws Exception {
        BlockingQueue<com.rabbitmq.client.Delivery> groups = rawGroups();
        Map<UUID, AtomicInteger> heard = new ConcurrentHashMap<>();
        later(broker.followResults(event ->
                heard.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet()));
        List<Job> theirs = jobs("theirs", 12);
        try (AmqpBroker other = AmqpBroker.connect(endpoint(), topology, connectSettings(), "kit-other")) {
            other.jobConsumer(ConsumerSettings.defaults()).start(new RecordingHandler());
            broker.jobPublisher(5).publish(theirs);
            Await.until("every result of the other process heard", WAIT, () -> heardAll(heard, theirs));
        }
        List<Job> ours = jobs("ours", 12);
        consume(new RecordingHandler(), ConsumerSettings.defaults());
        broker.jobPublisher(5).publish(ours);
        Await.until("every result of this process heard", WAIT, () -> heardAll(heard, ours));

        List<com.rabbitmq.client.Delivery> received = new ArrayList<>();
        Await.until("a group per job message (12 jobs in messages of 5, twice)", WAIT, () -> {
            groups.drainTo(received);
            return received.size() >= 6;
        });
        Thread.sleep(500); // time for anything heard twice to arrive
        assertThat(heard.values()).as("each result heard once").allMatch(count -> count.get() == 1);
        assertThat(heard).hasSize(24);
        assertThat(received).hasSize(6);
        assertThat(received).allMatch(d -> d.getProperties().getDeliveryMode() == 1);
        for (com.rabbitmq.client.Delivery group : received) {
            List<UUID> ids = ResultGroupCodec.decode(group.getBody()).stream()
                    .map(ResultEvent::id)
                    .toList();
            Map<String, Object> headers = group.getProperties().getHeaders();
            Object origin = headers == null ? null : headers.get(MessageHeaders.ORIGIN);
            if (theirs.stream().anyMatch(job -> ids.contains(job.id()))) {
                assertThat(origin).as("no follower in the other process").isNull();
                assertThat(theirs.stream().map(Job::id).toList()).containsAll(ids);
            } else {
                assertThat(origin).as("handed over in memory here").isNotNull();
                assertThat(ours.stream().map(Job::id).toList()).containsAll(ids);
            }
        }
    }

    @Test
    void reVerifyJobsAnnounceNothing() throws Exception {
        BlockingQueue<com.rabbitmq.client.Delivery> groups = rawGroups();
        BlockingQueue<ResultEvent> events = new LinkedBlockingQueue<>();
        broker.subscribeResults("#", events::add);
        Queue<ResultEvent> followed = new ConcurrentLinkedQueue<>();
        later(broker.followResults(followed::add));
        RecordingHandler handler = new RecordingHandler();
        consume(handler, ConsumerSettings.defaults());
        Job rescore = new Job(
                UUID.randomUUID(), "Hej igen", Lane.BATCH, Instant.now(), new Rescore(UUID.randomUUID(), "test-1"));
        broker.jobPublisher().publish(List.of(rescore));
        Await.until("the re-verify job handled", WAIT, () -> handler.handled.contains(rescore));
        Job plain = job("Hej", Lane.BATCH);
        broker.jobPublisher().publish(List.of(plain));

        ResultEvent event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        com.rabbitmq.client.Delivery group = groups.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        Await.until("the plain job's result followed", WAIT, () -> !followed.isEmpty());
        Thread.sleep(500);
        assertThat(event).isNotNull();
        assertThat(event.id()).isEqualTo(plain.id());
        assertThat(events).isEmpty();
        assertThat(group).isNotNull();
        assertThat(ResultGroupCodec.decode(group.getBody()))
                .extracting(ResultEvent::id)
                .containsExactly(plain.id());
        assertThat(groups).isEmpty();
        assertThat(followed).extracting(ResultEvent::id).containsExactly(plain.id());
    }

    /** What an outside client bound to the result-groups exchange gets. */
    private BlockingQueue<com.rabbitmq.client.Delivery> rawGroups() throws Exception {
        Channel look = later(broker.publishing().openChannel());
        String queue = look.queueDeclare("", false, true, true, null).getQueue();
        look.queueBind(queue, topology.resultGroupsExchange(), "");
        BlockingQueue<com.rabbitmq.client.Delivery> groups = new LinkedBlockingQueue<>();
        look.basicConsume(queue, true, (tag, delivery) -> groups.add(delivery), tag -> {});
        return groups;
    }

    private static List<Job> jobs(String text, int count) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(job(text + " " + i, Lane.REALTIME));
        }
        return jobs;
    }

    private static boolean heardAll(Map<UUID, AtomicInteger> heard, List<Job> jobs) {
        return jobs.stream().allMatch(job -> heard.containsKey(job.id()));
    }

    @Test
    void rpcReplyGoesToTheReplyQueueWithTheCorrelationId() throws Exception {
        consume(new RecordingHandler(), ConsumerSettings.defaults());
        try (Channel client = broker.publishing().openChannel()) {
            String replyQueue = client.queueDeclare("", false, true, true, null).getQueue();
            BlockingQueue<com.rabbitmq.client.Delivery> replies = new ArrayBlockingQueue<>(1);
            client.basicConsume(replyQueue, true, (tag, delivery) -> replies.add(delivery), tag -> {});
            UUID id = UUID.randomUUID();
            AMQP.BasicProperties properties = persistentJson(id)
                    .builder()
                    .replyTo(replyQueue)
                    .correlationId("corr-" + id)
                    .build();
            publishRaw(Lane.REALTIME, properties, JobMessageCodec.encode(id, "Hej då"));

            com.rabbitmq.client.Delivery reply = replies.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reply).as("RPC reply").isNotNull();
            assertThat(reply.getProperties().getCorrelationId()).isEqualTo("corr-" + id);
            ResultEvent event = ResultEventCodec.decode(reply.getBody());
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.result().prediction().language()).isEqualTo("sv");
        }
    }

    @Test
    void realtimeIsServedWhileTheBatchQueueHoldsABigBacklog() throws Exception {
        AtomicInteger batchDone = new AtomicInteger();
        Queue<Long> realtimeLatencyMillis = new ConcurrentLinkedQueue<>();
        AtomicLong batchDoneWhenRealtimeFinished = new AtomicLong(-1);
        int backlog = 3_000;
        int realtimeJobs = 20;
        RecordingHandler handler = new RecordingHandler() {
            @Override
            void work(Job job) throws Exception {
                if (job.lane() == Lane.BATCH) {
                    Thread.sleep(2); // a slow batch: the backlog takes seconds to drain
                    batchDone.incrementAndGet();
                } else {
                    realtimeLatencyMillis.add(
                            Duration.between(job.submittedAt(), Instant.now()).toMillis());
                    if (realtimeLatencyMillis.size() == realtimeJobs) {
                        batchDoneWhenRealtimeFinished.set(batchDone.get());
                    }
                }
            }
        };
        List<Job> batch = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            batch.add(job("batch " + i, Lane.BATCH));
        }
        broker.jobPublisher().publish(batch);
        consume(handler, ConsumerSettings.defaults().withWorkers(2));
        Await.until("batch consumption under way", WAIT, () -> batchDone.get() > 100);

        for (int i = 0; i < realtimeJobs; i++) {
            broker.jobPublisher().publish(List.of(job("realtime " + i, Lane.REALTIME)));
            Thread.sleep(10);
        }
        Await.until("all realtime jobs handled", WAIT, () -> realtimeLatencyMillis.size() == realtimeJobs);

        assertThat(batchDoneWhenRealtimeFinished.get())
                .as("batch jobs done when the last realtime job was handled (backlog " + backlog + ")")
                .isLessThan(backlog / 2);
        long worst =
                realtimeLatencyMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(worst)
                .as("worst realtime submit-to-handler latency (ms) behind a batch backlog")
                .isLessThan(2_000);
    }

    @Test
    void queueStatisticsShowDepthAndConsumers() throws Exception {
        broker.jobPublisher().publish(List.of(job("a", Lane.BATCH), job("b", Lane.BATCH), job("c", Lane.REALTIME)));
        Map<String, QueueStats> before = statsByQueue();
        assertThat(before.get(topology.queue(Lane.BATCH)).messages()).isEqualTo(2);
        assertThat(before.get(topology.queue(Lane.REALTIME)).messages()).isEqualTo(1);
        assertThat(before.get(topology.failedQueue()).messages()).isZero();
        assertThat(before.values()).allMatch(s -> s.present() && s.consumers() == 0);

        consume(new RecordingHandler(), ConsumerSettings.defaults());
        Await.until("consumers registered and queues drained", WAIT, () -> {
            Map<String, QueueStats> now = statsByQueue();
            return now.get(topology.queue(Lane.BATCH)).consumers() == 1
                    && now.get(topology.queue(Lane.REALTIME)).consumers() == 1
                    && now.get(topology.queue(Lane.BATCH)).messages() == 0;
        });
        assertThat(broker.queueStatistics()
                        .stats(topology.prefix() + ".no-such-queue")
                        .present())
                .isFalse();
        assertThat(broker.queueStatistics().isReady()).isTrue();
    }

    private Map<String, QueueStats> statsByQueue() {
        Map<String, QueueStats> map = new java.util.HashMap<>();
        for (QueueStats s : broker.queueStatistics().snapshot()) {
            map.put(s.queue(), s);
        }
        return map;
    }

    @Test
    void everyModelSubscriberGetsEveryAnnouncement() throws Exception {
        BlockingQueue<String> first = new ArrayBlockingQueue<>(5);
        BlockingQueue<String> second = new ArrayBlockingQueue<>(5);
        broker.subscribeModels(body -> first.add(new String(body, StandardCharsets.UTF_8)));
        broker.subscribeModels(body -> second.add(new String(body, StandardCharsets.UTF_8)));
        broker.announceModel("{\"active\":\"v2\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(first.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("{\"active\":\"v2\"}");
        assertThat(second.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("{\"active\":\"v2\"}");
    }

    /**
     * Throughput with a trivial handler: publish N jobs (4 threads, confirmed batches of 500) while a consumer with
     * 4 workers and prefetch 200 drains them, after a warm-up round of 5,000 (JIT) that is not counted. Prints the
     * rates; asserts only that every job arrived exactly once. N = -Dglossa.kit.jobs (default 20000).
     */
    @Test
    void throughputOfConfirmedPublishAndAckedConsume() throws Exception {
        int total = Integer.getInteger("glossa.kit.jobs", 20_000);
        java.util.Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        RecordingHandler handler = new RecordingHandler() {
            @Override
            public io.glossa.pipeline.Result handle(Job job) {
                if (!seen.add(job.id())) {
                    duplicates.incrementAndGet();
                }
                return new io.glossa.pipeline.Result(job.id(), swedish(), "t", Instant.now(), 0);
            }
        };
        consume(handler, ConsumerSettings.defaults());
        int warmUp = Math.min(5_000, total);
        publishConcurrently(warmUp);
        Await.until("warm-up consumed", Duration.ofMinutes(2), () -> seen.size() >= warmUp);

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        publishConcurrently(total);
        long published = System.nanoTime() - start;
        Await.until(total + " jobs consumed", Duration.ofMinutes(3), () -> seen.size() >= warmUp + total);
        long consumed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        // CPU per job of this JVM (client side, plus the broker itself when embedded) varies less with a busy box
        System.out.printf(
                "[broker kit %s] %d jobs: confirmed publish %.0f msg/s; publish+consume+ack end to end %.0f msg/s;"
                        + " this JVM used %.0f us CPU per job; load average %.1f on %d cores%n",
                expectedFlavour(),
                total,
                total / (published / 1e9),
                total / (consumed / 1e9),
                cpu / 1e3 / total,
                os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        assertThat(seen).hasSize(warmUp + total);
        assertThat(duplicates.get()).isZero();
    }

    private void publishConcurrently(int count) throws InterruptedException {
        int batchSize = 500;
        int threads = 4;
        String text = "Det här är en mening på svenska som är ungefär lika lång som en vanlig fråga från en användare.";
        List<Thread> publishers = new ArrayList<>();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            int share = count / threads + (t < count % threads ? 1 : 0);
            publishers.add(startThread(errors, () -> {
                for (int sent = 0; sent < share; sent += batchSize) {
                    List<Job> jobs = new ArrayList<>();
                    for (int i = 0; i < Math.min(batchSize, share - sent); i++) {
                        jobs.add(job(text, Lane.REALTIME));
                    }
                    broker.jobPublisher().publish(jobs);
                }
            }));
        }
        for (Thread p : publishers) {
            p.join();
        }
        assertThat(errors).as("publish errors").isEmpty();
    }

    private static Thread startThread(Queue<Throwable> errors, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                errors.add(e);
            }
        });
        thread.start();
        return thread;
    }
}
