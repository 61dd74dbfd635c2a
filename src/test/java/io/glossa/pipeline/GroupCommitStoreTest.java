package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitStoreTest {
    /** Counts calls, and is slow enough that concurrent callers pile up behind one write. */
    private static final class SlowStore extends ForwardingStore {
        final AtomicInteger acceptCalls = new AtomicInteger();
        final AtomicInteger completeAllCalls = new AtomicInteger();

        SlowStore(TextStore store) {
            super(store);
        }

        @Override
        public List<Job> accept(List<String> texts, Lane lane) {
            acceptCalls.incrementAndGet();
            pause();
            return super.accept(texts, lane);
        }

        @Override
        public List<Boolean> completeAll(List<Result> results) {
            completeAllCalls.incrementAndGet();
            pause();
            return super.completeAll(results);
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final InMemoryTextStore memory = new InMemoryTextStore();
    private final SlowStore slow = new SlowStore(memory);

    @Test
    void concurrentAcceptsShareCommitsAndEachGetsItsOwnJobs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (GroupCommitStore store = new GroupCommitStore(slow, 100)) {
            List<Future<List<Job>>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String text = "text " + i;
                Lane lane = i % 3 == 0 ? Lane.BATCH : Lane.REALTIME;
                answers.add(pool.submit(() -> store.accept(List.of(text, text + "b"), lane)));
            }
            for (int i = 0; i < 64; i++) {
                List<Job> jobs = answers.get(i).get();
                assertThat(jobs).extracting(Job::text).containsExactly("text " + i, "text " + i + "b");
                assertThat(jobs).extracting(Job::lane).containsOnly(i % 3 == 0 ? Lane.BATCH : Lane.REALTIME);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(memory.unpublishedCount()).isEqualTo(128);
        assertThat(slow.acceptCalls.get()).isLessThan(40);
    }

    @Test
    void concurrentCompletionsShareCommitsAndABadOneFailsAlone() throws Exception {
        List<Job> jobs = memory.accept(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "t" + i).toList(), Lane.REALTIME);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (GroupCommitStore store = new GroupCommitStore(slow, 100)) {
            List<Future<Boolean>> stored = new ArrayList<>();
            for (Job job : jobs) {
                stored.add(pool.submit(() -> store.complete(result(job.id()))));
            }
            Future<Boolean> ghost = pool.submit(() -> store.complete(result(UUID.randomUUID())));
            for (Future<Boolean> f : stored) {
                assertThat(f.get()).isTrue();
            }
            assertThatThrownBy(ghost::get).hasCauseInstanceOf(UnknownTextException.class);
            assertThat(store.complete(result(jobs.get(0).id()))).isFalse();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jobs).allSatisfy(j -> assertThat(memory.find(j.id()).orElseThrow().status()).isEqualTo(TextStatus.DONE));
        assertThat(slow.completeAllCalls.get()).isLessThan(40);
    }

    private static Result result(UUID id) {
        return new Result(id, new Prediction("sv", "Swedish", "Svenska", 0.9, List.of()), "v1", Instant.now(), 1);
    }
}
