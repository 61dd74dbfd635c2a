package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.glossa.store.GroupCommit.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    @Test
    void concurrentCallsShareTransactionsAndEachGetsItsOwnAnswer() throws Exception {
        List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 1000, i -> 1, items -> {
            pause(1); // a commit takes time, so callers queue up behind it
            transactions.add(List.copyOf(items));
            return items.stream().map(i -> Outcome.of(i * 10)).toList();
        });

        List<Integer> answers = runConcurrently(
                8,
                IntStream.range(0, 400)
                        .<Callable<Integer>>mapToObj(i -> () -> commits.submit(i))
                        .toList());

        assertThat(answers)
                .isEqualTo(IntStream.range(0, 400).map(i -> i * 10).boxed().toList());
        assertThat(transactions.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 400).boxed().toList());
        assertThat(transactions.size()).as("fewer transactions than calls").isLessThan(400);
    }

    @Test
    void aTransactionTakesAboutTheWeightLimit() throws Exception {
        List<Integer> weights = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<List<Integer>, Void> commits = new GroupCommit<>(1, 10, List::size, calls -> {
            pause(1);
            weights.add(calls.stream().mapToInt(List::size).sum());
            return calls.stream().map(c -> Outcome.<Void>of(null)).toList();
        });

        runConcurrently(
                8,
                IntStream.range(0, 200)
                        .<Callable<Void>>mapToObj(i -> () -> commits.submit(List.of(1, 2, 3)))
                        .toList());

        assertThat(weights).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(10 + 3));
        assertThat(weights.stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
    }

    @Test
    void anItemsOwnFailureReachesOnlyItsCaller() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 1000, i -> 1, items -> {
            pause(1);
            return items.stream()
                    .map(i ->
                            i % 7 == 0 ? Outcome.<Integer>failed(new IllegalStateException("bad " + i)) : Outcome.of(i))
                    .toList();
        });

        List<String> outcomes = runConcurrently(
                8,
                IntStream.range(1, 200)
                        .<Callable<String>>mapToObj(i -> () -> {
                            try {
                                return "ok " + commits.submit(i);
                            } catch (IllegalStateException e) {
                                return e.getMessage();
                            }
                        })
                        .toList());

        assertThat(outcomes)
                .isEqualTo(IntStream.range(1, 200)
                        .mapToObj(i -> i % 7 == 0 ? "bad " + i : "ok " + i)
                        .toList());
    }

    @Test
    void everyCallerInAFailedTransactionGetsItsFailure() throws Exception {
        AtomicInteger transactions = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 1000, i -> 1, items -> {
            pause(1);
            if (transactions.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("database down");
            }
            return items.stream().map(Outcome::of).toList();
        });

        List<String> outcomes = runConcurrently(
                8,
                IntStream.range(0, 200)
                        .<Callable<String>>mapToObj(i -> () -> {
                            try {
                                commits.submit(i);
                                return "ok";
                            } catch (IllegalStateException e) {
                                return e.getMessage();
                            }
                        })
                        .toList());

        assertThat(outcomes).hasSize(200).containsOnly("ok", "database down").contains("ok", "database down");
    }

    @Test
    void aLoneCallerWritesItsItemAtOnceOnItsOwnThread() {
        List<String> threads = new ArrayList<>();
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(2, 10, i -> 1, items -> {
            threads.add(Thread.currentThread().getName());
            return items.stream().map(Outcome::of).toList();
        });

        assertThat(commits.submit(42)).isEqualTo(42);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void oneCallersItemsShareATransactionAndEachKeepsItsOwnOutcome() {
        List<List<Integer>> transactions = new ArrayList<>();
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 3, i -> 1, items -> {
            transactions.add(List.copyOf(items));
            return items.stream()
                    .map(i ->
                            i == 4 ? Outcome.<Integer>failed(new IllegalArgumentException("four")) : Outcome.of(i * 10))
                    .toList();
        });

        List<Outcome<Integer>> outcomes = commits.submitAll(List.of(1, 2, 3, 4, 5));

        assertThat(transactions).as("split at the weight limit").containsExactly(List.of(1, 2, 3), List.of(4, 5));
        assertThat(outcomes).extracting(Outcome::value).containsExactly(10, 20, 30, null, 50);
        assertThat(outcomes.get(3).failure()).hasMessage("four");
    }

    @Test
    void withALingerCallsArrivingMomentsApartShareACommitThoughNoneIsRunning() throws Exception {
        List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 1000, i -> 1, Duration.ofMillis(500), items -> {
            transactions.add(List.copyOf(items)); // instant: nothing to queue behind
            return items.stream().map(Outcome::of).toList();
        });
        commits.submit(0); // the first call has no one to wait for

        runConcurrently(
                4,
                IntStream.rangeClosed(1, 4)
                        .<Callable<Integer>>mapToObj(i -> () -> commits.submit(i))
                        .toList());

        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(0)).containsExactly(0);
        assertThat(transactions.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    /**
     * A caller lingers at most once: a writer whose own item is written goes on writing for those queued behind it
     * at once, instead of lingering for them (which kept one caller for as long as traffic stayed dense).
     */
    @Test
    void aWriterWhoseItemIsWrittenDoesNotLingerForOthers() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 1000, i -> 1, Duration.ofSeconds(2), items -> {
            pause(200);
            return items.stream().map(Outcome::of).toList();
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<Integer> queuedBehind = other.submit(() -> {
                Thread.sleep(50); // arrives while the first transaction runs: dense traffic
                return commits.submit(2);
            });
            commits.submit(1); // the first transaction, then item 2's: lingering for it would take 2 s more

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .as("milliseconds until the first caller returned")
                    .isLessThan(1_500);
            assertThat(queuedBehind.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aCallAfterAQuietSpellDoesNotLinger() {
        AtomicLong now = new AtomicLong();
        List<List<Integer>> transactions = new ArrayList<>();
        GroupCommit<Integer, Integer> commits =
                new GroupCommit<>(1, 1000, i -> 1, Duration.ofMinutes(10), now::get, items -> {
                    transactions.add(List.copyOf(items));
                    return items.stream().map(Outcome::of).toList();
                });
        commits.submit(1);
        now.addAndGet(Duration.ofMinutes(11).toNanos());

        // lingering would park this thread for ten minutes
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> commits.submit(2));
        assertThat(transactions).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void errorsReachTheCaller() {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 10, i -> 1, items -> {
            throw new OutOfMemoryError("simulated");
        });

        assertThatThrownBy(() -> commits.submit(1)).isInstanceOf(OutOfMemoryError.class);
    }

    private static <T> List<T> runConcurrently(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
