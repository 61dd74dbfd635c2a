package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultWaitersTest {
    private final InMemoryTextStore store = new InMemoryTextStore();
    private final ExecutorService reads = Executors.newFixedThreadPool(2);
    private final ResultWaiters waiters = new ResultWaiters(store, reads);
    private final PredictionHandler handler =
            new PredictionHandler(store, FixedClassifier::new, 3, Clock.systemUTC(), PipelineMetrics.NONE);

    @AfterEach
    void stop() {
        reads.shutdownNow();
    }

    @Test
    void anEventWakesTheWaiterWhichReadsTheStore() throws Exception {
        Job job = store.accept(List.of("Hej"), Lane.REALTIME).get(0);
        long start = System.nanoTime();
        CompletableFuture<Optional<TextRecord>> waiting = waiters.await(job.id(), Duration.ofSeconds(10));
        OutboxRelayTest.waitUntil(() -> waiters.waiting() == 1);
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        Result result = handler.handle(job);
        waiters.onResult(new ResultEvent(job.id(), TextStatus.DONE, result, null));
        TextRecord record = waiting.get(2, TimeUnit.SECONDS).orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.DONE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void aResultStoredBeforeTheWaitIsReturnedAtOnce() throws Exception {
        Job job = store.accept(List.of("Hej"), Lane.REALTIME).get(0);
        handler.handle(job); // its event went by before anyone waited
        TextRecord record = waiters.await(job.id(), Duration.ofSeconds(30))
                .get(2, TimeUnit.SECONDS)
                .orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.DONE);
    }

    @Test
    void timeoutAnswersWithThePendingRecord() throws Exception {
        Job job = store.accept(List.of("Hej"), Lane.REALTIME).get(0);
        TextRecord record = waiters.await(job.id(), Duration.ofMillis(100))
                .get(2, TimeUnit.SECONDS)
                .orElseThrow();
        assertThat(record.status()).isEqualTo(TextStatus.PENDING);
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void unknownIdIsEmpty() throws Exception {
        assertThat(waiters.await(UUID.randomUUID(), Duration.ofSeconds(5)).get(2, TimeUnit.SECONDS))
                .isEmpty();
    }
}
