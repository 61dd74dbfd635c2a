package io.glossa.evaluation;

import io.glossa.concurrent.Threads;
import io.glossa.corpus.LabeledText;
import io.glossa.model.LanguageClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the classifier over all texts, on one or more threads, and times the loop. */
final class PredictionRunner {
    /** Small chunks keep the threads balanced; large enough that the counter is not contended. */
    private static final int CHUNK = 256;

    private final int threads;

    PredictionRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    Timed run(LanguageClassifier classifier, List<LabeledText> data) {
        Outcomes outcomes = new Outcomes(data.size());
        int workers = Math.min(threads, Math.max(1, (data.size() + CHUNK - 1) / CHUNK));
        long start = System.nanoTime();
        if (workers == 1) {
            predictRange(classifier, data, outcomes, 0, data.size());
        } else {
            runParallel(classifier, data, outcomes, workers);
        }
        long elapsed = System.nanoTime() - start;
        return new Timed(outcomes, new Throughput(data.size(), elapsed, workers));
    }

    private static void runParallel(
            LanguageClassifier classifier, List<LabeledText> data, Outcomes outcomes, int workers) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, Threads.daemonFactory("evaluate"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(CHUNK); from < data.size(); from = next.getAndAdd(CHUNK)) {
                        predictRange(classifier, data, outcomes, from, Math.min(data.size(), from + CHUNK));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("prediction failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void predictRange(
            LanguageClassifier classifier, List<LabeledText> data, Outcomes outcomes, int from, int to) {
        for (int i = from; i < to; i++) {
            outcomes.record(i, classifier.predict(data.get(i).text(), 1));
        }
    }

    record Timed(Outcomes outcomes, Throughput throughput) {}
}
