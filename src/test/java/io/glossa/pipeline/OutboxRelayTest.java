package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    private static final RelaySettings FAST = new RelaySettings(
            50,
            1_000,
            Duration.ofMillis(50),
            Duration.ofSeconds(10),
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            Duration.ZERO);
    private final InMemoryTextStore store = new InMemoryTextStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private OutboxRelay relay;

    private OutboxRelay start(RelaySettings settings) {
        relay = new OutboxRelay(store, publisher, settings, Clock.systemUTC(), metrics);
        relay.start();
        return relay;
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void handedOverJobsArePublishedAtOnceInBatchesAndMarked() {
        start(RelaySettings.DEFAULT); // sweeps only every second: a quick publish proves the wake-up works
        // past the start-up sweep, which takes every unpublished job: else, on a slow machine, it can take these
        waitUntil(() -> store.sweeps() > 0);
        long before = System.nanoTime();
        List<Job> jobs = store.accept(List.of("a", "b", "c"), Lane.REALTIME);
        relay.committed(jobs);
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));
        assertThat(publisher.published()).containsExactlyElementsOf(jobs);
        waitUntil(() -> relay.backlog() == 0); // released just after the mark, on the marker's thread
    }

    /** Sweeps every 20 ms and take any unpublished job not held here, however young. */
    private static final RelaySettings EAGER_SWEEPS = new RelaySettings(
            50,
            1_000,
            Duration.ofMillis(20),
            Duration.ZERO,
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            Duration.ZERO);

    @Test
    void aSlowMarkHoldsUpNeitherTheNextPublishNorLetsASweepRepublish() throws InterruptedException {
        java.util.concurrent.CountDownLatch markMayFinish = new java.util.concurrent.CountDownLatch(1);
        store.beforeMark = () -> {
            try {
                markMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        start(EAGER_SWEEPS);
        List<Job> first = store.accept(List.of("a"), Lane.REALTIME);
        relay.committed(first);
        waitUntil(() -> publisher.published().containsAll(first));
        List<Job> second = store.accept(List.of("b"), Lane.REALTIME);
        relay.committed(second);
        waitUntil(() -> publisher.published().containsAll(second)); // while the first mark is still held back
        // several sweeps, each giving up its wait for the held-back mark after a sweep interval: both jobs are
        // unpublished in the store, but held here
        Thread.sleep(200);
        assertThat(store.unpublishedCount()).isEqualTo(2);
        assertThat(publisher.published()).hasSize(2);

        markMayFinish.countDown();
        waitUntil(() -> store.unpublishedCount() == 0);
        waitUntil(() -> relay.backlog() == 0);
        assertThat(publisher.published()).containsExactly(first.get(0), second.get(0));
    }

    @Test
    void aFailedMarkLeavesTheJobToALaterSweep() {
        java.util.concurrent.atomic.AtomicInteger marks = new java.util.concurrent.atomic.AtomicInteger();
        store.beforeMark = () -> {
            if (marks.incrementAndGet() == 1) {
                throw new StoreUnavailableException("the database went away", new java.sql.SQLException("gone"));
            }
        };
        start(EAGER_SWEEPS);
        List<Job> jobs = store.accept(List.of("a"), Lane.REALTIME);
        relay.committed(jobs);
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(publisher.published())
                .as("published, not marked, swept and published again")
                .containsExactly(jobs.get(0), jobs.get(0));
        waitUntil(() -> relay.backlog() == 0);
    }

    @Test
    void everyConfirmedJobReportsItsLaneAndTimeSinceSubmission() {
        List<Job> jobs = new java.util.ArrayList<>(store.accept(List.of("a", "b"), Lane.REALTIME));
        jobs.addAll(store.accept(List.of("c"), Lane.BATCH));
        relay = new OutboxRelay(store, publisher, FAST, Clock.systemUTC(), metrics);
        relay.committed(jobs); // before start: the startup sweep, which takes every unpublished row, must skip them
        relay.start();
        waitUntil(() -> metrics.confirmations.size() >= 3);
        assertThat(publisher.published()).hasSize(3);
        assertThat(metrics.confirmations)
                .extracting(RecordingMetrics.Confirmation::lane)
                .containsExactlyInAnyOrder(Lane.REALTIME, Lane.REALTIME, Lane.BATCH);
        assertThat(metrics.confirmations)
                .allSatisfy(c -> assertThat(c.sinceSubmission().isNegative()).isFalse());
    }

    @Test
    void aJobTheStartupSweepAlreadyHoldsIsNotHandedOverASecondTime() {
        List<Job> jobs = store.accept(List.of("a", "b"), Lane.REALTIME);
        publisher.down = true;
        start(FAST);
        waitUntil(() -> publisher.failures() >= 1); // the startup sweep holds both jobs and retries them
        relay.committed(jobs); // the hand-over of the same commit arrives late
        publisher.down = false;
        waitUntil(() -> store.unpublishedCount() == 0);
        waitUntil(() -> relay.backlog() == 0);
        assertThat(publisher.published()).containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void brokerDownKeepsJobsAndRetriesUntilItIsBack() {
        publisher.down = true;
        start(FAST);
        List<Job> jobs = store.accept(List.of("a", "b"), Lane.REALTIME);
        relay.committed(jobs);
        waitUntil(() -> publisher.failures() >= 3);
        assertThat(relay.brokerHealthy()).isFalse();
        assertThat(store.unpublishedCount()).isEqualTo(2);

        publisher.down = false;
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(new HashSet<>(publisher.published())).containsExactlyInAnyOrderElementsOf(jobs);
        assertThat(relay.brokerHealthy()).isTrue();
    }

    @Test
    void startupSweepPublishesEverythingLeftInTheOutbox() {
        Job old = store.addUnpublished("left by a crash", Instant.now());
        for (int i = 0; i < 120; i++) {
            store.addUnpublished("more " + i, Instant.now());
        }
        start(FAST);
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(publisher.published()).contains(old).hasSize(121);
    }

    @Test
    void laterSweepsTakeOnlyOrphansOldEnough() throws InterruptedException {
        start(FAST);
        waitUntil(() -> store.sweeps() > 0); // past the start-up sweep
        Job young = store.addUnpublished("another process is publishing me", Instant.now());
        Job orphan = store.addUnpublished("my process crashed", Instant.now().minusSeconds(60));
        waitUntil(() -> publisher.published().contains(orphan));
        Thread.sleep(150);
        assertThat(publisher.published()).doesNotContain(young);
    }

    @Test
    void steadyTrafficDoesNotStarveTheSweep() throws InterruptedException {
        start(FAST);
        waitUntil(() -> store.sweeps() > 0);
        Job orphan = store.addUnpublished("my process crashed", Instant.now().minusSeconds(60));
        long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
        while (System.nanoTime() < end) { // a job every millisecond: the hand-over queue is never empty for long
            relay.committed(store.accept(List.of("busy"), Lane.REALTIME));
            Thread.sleep(1);
        }
        assertThat(publisher.published()).contains(orphan);
    }

    /**
     * A sweep that keeps failing (a row the store cannot read, e.g. a text a damaged file no longer holds) must not
     * stop the jobs handed over in memory: the sweep is tried again at its next interval.
     */
    @Test
    void aSweepThatKeepsFailingDoesNotHoldUpHandedOverJobs() {
        store.beforeSweep = () -> {
            throw new StoreUnavailableException("database error while claiming outbox jobs: row not found", null);
        };
        start(EAGER_SWEEPS);
        List<Job> jobs = store.accept(List.of("a", "b"), Lane.REALTIME);
        relay.committed(jobs);
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(publisher.published()).containsExactlyElementsOf(jobs);
        assertThat(relay.brokerHealthy())
                .as("a store failure says nothing about the broker")
                .isTrue();
    }

    @Test
    void closeFlushesWhatWasHandedOver() {
        start(new RelaySettings(
                10,
                1_000,
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofMillis(5),
                Duration.ofMillis(5),
                Duration.ZERO));
        List<Job> jobs = store.accept(
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i).toList(), Lane.REALTIME);
        relay.committed(jobs);
        relay.close(Duration.ofSeconds(5));
        assertThat(store.unpublishedCount()).isZero();
        assertThat(publisher.batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(10));
    }

    @Test
    void overflowingHandOverLeavesJobsToTheSweepInsteadOfLosingThem() {
        publisher.down = true;
        start(new RelaySettings(
                10,
                5,
                Duration.ofMillis(20),
                Duration.ZERO,
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ZERO));
        List<Job> jobs = store.accept(
                java.util.stream.IntStream.range(0, 30).mapToObj(i -> "t" + i).toList(), Lane.REALTIME);
        relay.committed(jobs);
        assertThat(relay.backlog())
                .as("memory bound: the hand-over limit plus one swept batch")
                .isLessThanOrEqualTo(5 + 10);
        publisher.down = false;
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(new HashSet<>(publisher.published())).containsAll(jobs);
    }

    @Test
    void realtimeJobsGoAheadOfABatchBacklog() {
        relay = new OutboxRelay(
                store,
                publisher,
                new RelaySettings(
                        50,
                        10_000,
                        Duration.ofHours(1),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(5),
                        Duration.ofMillis(5),
                        Duration.ZERO),
                Clock.systemUTC(),
                PipelineMetrics.NONE);
        List<Job> batch = store.accept(
                java.util.stream.IntStream.range(0, 300).mapToObj(i -> "b" + i).toList(), Lane.BATCH);
        relay.committed(batch);
        List<Job> realtime = store.accept(List.of("r1", "r2", "r3"), Lane.REALTIME);
        relay.committed(realtime); // handed over after the whole batch
        relay.start();
        waitUntil(() -> store.unpublishedCount() == 0);

        assertThat(publisher.batches.get(0).subList(0, 3)).containsExactlyElementsOf(realtime);
        // at most a fifth of each publish is batch-lane work, so a realtime job never waits behind a long publish
        assertThat(publisher.batches)
                .allSatisfy(b -> assertThat(b.stream()
                                .filter(job -> job.lane() == Lane.BATCH)
                                .count())
                        .isLessThanOrEqualTo(10));
        assertThat(publisher.published()).containsAll(batch).hasSize(303);
    }

    @Test
    void withALingerJobsAcceptedMomentsApartShareOnePublish() throws InterruptedException {
        start(RelaySettings.DEFAULT.withLinger(Duration.ofMillis(300)));
        Thread.sleep(100); // past the startup sweep, which would take the first job on its own
        List<Job> earlier = store.accept(List.of("traffic"), Lane.REALTIME);
        relay.committed(earlier); // after a quiet spell: published at once
        waitUntil(() -> publisher.published().containsAll(earlier));
        List<Job> first = store.accept(List.of("a"), Lane.REALTIME);
        relay.committed(first);
        Thread.sleep(50);
        List<Job> later = store.accept(List.of("b", "c"), Lane.REALTIME);
        relay.committed(later);
        waitUntil(() -> store.unpublishedCount() == 0);

        assertThat(publisher.batches).hasSize(2);
        assertThat(publisher.batches.get(1)).containsExactly(first.get(0), later.get(0), later.get(1));
    }

    @Test
    void aJobAfterAQuietSpellDoesNotWaitForTheLinger() throws InterruptedException {
        start(RelaySettings.DEFAULT.withLinger(Duration.ofSeconds(30)));
        Thread.sleep(100); // past the startup sweep
        long before = System.nanoTime();
        relay.committed(store.accept(List.of("alone"), Lane.REALTIME));
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }

    /** A job accepted just before the wall clock stepped back an hour waits one linger, not until its stamp. */
    @Test
    void aClockSteppedBackDoesNotStretchTheLinger() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Duration> step =
                new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);
        Clock steppable = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(step.get());
            }
        };
        relay = new OutboxRelay(
                store, publisher, RelaySettings.DEFAULT.withLinger(Duration.ofMillis(200)), steppable, metrics);
        relay.start();
        Thread.sleep(100); // past the startup sweep
        List<Job> traffic = store.accept(List.of("traffic"), Lane.REALTIME);
        relay.committed(traffic); // after a quiet spell: at once, and the traffic counts as dense from now on
        waitUntil(() -> publisher.published().containsAll(traffic));
        step.set(Duration.ofHours(-1));
        List<Job> stamped = store.accept(List.of("accepted before the step"), Lane.REALTIME);
        relay.committed(stamped);
        waitUntil(() -> publisher.published().containsAll(stamped));
    }

    @Test
    void aNegativeOrMissingLingerIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RelaySettings.DEFAULT.withLinger(Duration.ofMillis(-1)))
                .hasMessageContaining("linger must be zero or more");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelaySettings.DEFAULT.withLinger(null))
                .hasMessageContaining("linger must be zero or more");
    }

    @Test
    void aFullRoundDoesNotWaitForTheLinger() throws InterruptedException {
        start(new RelaySettings(
                        3,
                        1_000,
                        Duration.ofHours(1),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(5),
                        Duration.ofMillis(5),
                        Duration.ZERO)
                .withLinger(Duration.ofSeconds(30)));
        Thread.sleep(100); // past the startup sweep
        List<Job> earlier = store.accept(List.of("traffic"), Lane.REALTIME);
        relay.committed(earlier); // traffic just now: a job that is not a full round lingers
        waitUntil(() -> publisher.published().containsAll(earlier));
        long before = System.nanoTime();
        relay.committed(store.accept(List.of("a", "b", "c"), Lane.REALTIME));
        waitUntil(() -> store.unpublishedCount() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }

    static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
