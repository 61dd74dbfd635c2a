package io.glossa.training;

import io.glossa.concurrent.Threads;
import io.glossa.features.FeatureCounts;
import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Vectorises texts on a few threads (the result does not depend on the thread count) and drops letterless ones. */
public final class TrainingSetBuilder {
    private final FeatureVectorizer vectorizer;
    private final int threads;

    public TrainingSetBuilder(FeatureVectorizer vectorizer, int threads) {
        this.vectorizer = vectorizer;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param texts the texts
     * @param targets label index of each text
     * @param weights each text's loss weight relative to the others of its label
     * @param balanced weigh each label's examples so every label contributes the same total weight
     */
    public TrainingSet build(List<String> texts, int[] targets, float[] weights, int labels, boolean balanced) {
        int n = texts.size();
        int[][] indices = new int[n][];
        float[][] values = new float[n][];
        runChunks(n, (from, to) -> {
            FeatureScratch scratch = new FeatureScratch();
            for (int i = from; i < to; i++) {
                if (vectorizer.vectorize(texts.get(i), scratch) == 0) {
                    continue;
                }
                FeatureCounts counts = scratch.counts();
                int size = counts.size();
                int[] idx = new int[size];
                float[] val = new float[size];
                for (int k = 0; k < size; k++) {
                    idx[k] = counts.keyAt(k);
                    val[k] = counts.valueAt(k);
                }
                indices[i] = idx;
                values[i] = val;
            }
        });
        return compact(indices, values, targets, weights, labels, balanced);
    }

    private static TrainingSet compact(
            int[][] indices, float[][] values, int[] targets, float[] given, int labels, boolean balanced) {
        int kept = 0;
        for (int[] idx : indices) {
            if (idx != null) {
                kept++;
            }
        }
        int[][] ki = new int[kept][];
        float[][] kv = new float[kept][];
        int[] kt = new int[kept];
        float[] weights = new float[kept];
        double[] perLabel = new double[labels];
        for (int i = 0, j = 0; i < indices.length; i++) {
            if (indices[i] != null) {
                ki[j] = indices[i];
                kv[j] = values[i];
                kt[j] = targets[i];
                weights[j] = given[i];
                perLabel[targets[i]] += weights[j];
                j++;
            }
        }
        if (balanced) { // each label's weights sum to kept / labels, so the whole set still weighs kept
            for (int j = 0; j < kept; j++) {
                weights[j] = (float) ((double) weights[j] * kept / (labels * perLabel[kt[j]]));
            }
        }
        return new TrainingSet(labels, ki, kv, kt, weights);
    }

    interface Chunk {
        void run(int from, int to);
    }

    private void runChunks(int n, Chunk chunk) {
        if (threads == 1 || n < 1000) {
            chunk.run(0, n);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.daemonFactory("training-set"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            int step = (n + threads - 1) / threads;
            for (int from = 0; from < n; from += step) {
                int f = from;
                int t = Math.min(n, from + step);
                futures.add(pool.submit(() -> chunk.run(f, t)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building features", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("building features failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
