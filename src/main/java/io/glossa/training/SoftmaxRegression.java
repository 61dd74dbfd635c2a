package io.glossa.training;

import io.glossa.concurrent.Threads;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Multinomial logistic regression fitted by SGD with AdaGrad steps.
 *
 * <p>Why these choices: the loss is convex and gives probabilities (which we calibrate afterwards); SGD touches
 * only the few hundred buckets of an example, so an epoch over ~0.5 M sparse examples takes seconds where
 * full-batch L-BFGS would need a pass per iteration. AdaGrad keeps one accumulator per bucket row (not per weight):
 * rare n-grams get large steps, frequent ones small, at one square root per feature instead of one per weight.
 * The L2 penalty is applied to the rows an example touches (the usual sparse approximation), so it costs nothing
 * for the other 2^bits rows. A seeded shuffle: the same data, seed and thread count give the same weights.
 */
public final class SoftmaxRegression {
    private static final float EPS = 1e-6f;
    private static final float ACTIVE_GRADIENT = 1e-4f;

    private SoftmaxRegression() {}

    public static LinearWeights fit(
            TrainingSet data,
            int buckets,
            int epochs,
            double learningRate,
            double l2,
            long seed,
            TrainingProgress progress) {
        return fit(data, buckets, epochs, learningRate, l2, seed, 1, progress);
    }

    /**
     * With {@code threads > 1}, each epoch's shuffled examples are dealt to the threads, each thread runs SGD on its
     * own copy of the weights, and the threads' changes are summed (iterative parameter mixing with summed deltas:
     * a bucket only one thread touched gets exactly its sequential update). Deterministic for a given thread count.
     */
    public static LinearWeights fit(
            TrainingSet data,
            int buckets,
            int epochs,
            double learningRate,
            double l2,
            long seed,
            int threads,
            TrainingProgress progress) {
        int c = data.labels();
        State state = new State(new float[buckets * c], new float[c], new float[buckets], new float[c]);
        float lr = (float) learningRate;
        float lambda = (float) l2;
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int workers = Math.max(1, Math.min(threads, n / 1000 + 1));
        SplittableRandom random = new SplittableRandom(seed);
        Steps steps = progress == null ? null : new Steps(progress, new AtomicLong());
        if (progress != null) {
            progress.fitting((long) epochs * n);
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            long start = System.nanoTime();
            double loss = workers == 1
                    ? runShard(data, order, 0, 1, state, lr, lambda, c, steps)
                    : runParallel(data, order, workers, state, lr, lambda, c, steps);
            if (progress != null) {
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "epoch %d/%d: loss %.4f (%.1f s)",
                        epoch,
                        epochs,
                        loss / n,
                        (System.nanoTime() - start) / 1e9));
            }
        }
        return new LinearWeights(c, state.w, state.bias);
    }

    /** Example steps done in this fit, across threads, reported in slices so the inner loop stays a counter. */
    private record Steps(TrainingProgress progress, AtomicLong done) {
        static final int SLICE = 4096;

        void add(long steps) {
            if (steps > 0) {
                progress.fitted(done.addAndGet(steps));
            }
        }
    }

    /** Weights, biases and their AdaGrad accumulators. */
    private record State(float[] w, float[] bias, float[] rowG, float[] biasG) {
        State copy() {
            return new State(w.clone(), bias.clone(), rowG.clone(), biasG.clone());
        }

        /** this += (other - base), array by array. */
        void addDelta(State other, State base) {
            addDelta(w, other.w, base.w);
            addDelta(bias, other.bias, base.bias);
            addDelta(rowG, other.rowG, base.rowG);
            addDelta(biasG, other.biasG, base.biasG);
        }

        private static void addDelta(float[] into, float[] other, float[] base) {
            for (int i = 0; i < into.length; i++) {
                into[i] += other[i] - base[i];
            }
        }
    }

    private static double runParallel(
            TrainingSet data, int[] order, int workers, State state, float lr, float lambda, int c, Steps steps) {
        State base = state.copy();
        State[] local = new State[workers];
        double[] losses = new double[workers];
        Thread[] threads = new Thread[workers];
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < workers; t++) {
            int shard = t;
            local[t] = t == 0 ? state : base.copy();
            threads[t] = Threads.daemon("sgd-" + t, () -> {
                try {
                    losses[shard] = runShard(data, order, shard, workers, local[shard], lr, lambda, c, steps);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            });
            threads[t].start();
        }
        double loss = 0;
        for (int t = 0; t < workers; t++) {
            try {
                threads[t].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            }
            loss += losses[t];
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        for (int t = 1; t < workers; t++) {
            state.addDelta(local[t], base);
        }
        return loss;
    }

    private static double runShard(
            TrainingSet data, int[] order, int shard, int shards, State s, float lr, float lambda, int c, Steps steps) {
        float[] scores = new float[c];
        float[] grad = new float[c];
        int[] active = new int[c];
        double loss = 0;
        int unreported = 0;
        for (int i = shard; i < order.length; i += shards) {
            loss += step(data, order[i], s.w, s.bias, s.rowG, s.biasG, scores, grad, active, lr, lambda, c);
            if (++unreported == Steps.SLICE && steps != null) {
                steps.add(unreported);
                unreported = 0;
            }
        }
        if (steps != null) {
            steps.add(unreported);
        }
        return loss;
    }

    private static double step(
            TrainingSet data,
            int i,
            float[] w,
            float[] bias,
            float[] rowG,
            float[] biasG,
            float[] scores,
            float[] grad,
            int[] active,
            float lr,
            float lambda,
            int c) {
        int[] idx = data.indices()[i];
        float[] val = data.values()[i];
        int target = data.targets()[i];
        float weight = data.weights()[i];
        forward(idx, val, w, bias, scores, c);
        float max = scores[0];
        for (int k = 1; k < c; k++) {
            max = Math.max(max, scores[k]);
        }
        float sum = 0;
        for (int k = 0; k < c; k++) {
            float e = (float) Math.exp(scores[k] - max);
            grad[k] = e;
            sum += e;
        }
        double loss = -weight * Math.log(grad[target] / sum);
        float inv = 1 / sum;
        // Only labels with a noticeable gradient are updated: once the model is fair, p is ~0 for most of the 38
        // labels, so this skips most of the backward pass at no measurable cost in accuracy.
        int activeCount = 0;
        for (int k = 0; k < c; k++) {
            float g = weight * (grad[k] * inv - (k == target ? 1 : 0));
            grad[k] = g;
            if (Math.abs(g) > ACTIVE_GRADIENT) {
                active[activeCount++] = k;
            }
        }
        for (int j = 0; j < idx.length; j++) {
            int f = idx[j];
            int base = f * c;
            float x = val[j];
            float g2 = 0;
            for (int a = 0; a < activeCount; a++) {
                int k = active[a];
                float g = grad[k] * x + lambda * w[base + k];
                g2 += g * g;
            }
            rowG[f] += g2 / c;
            float eta = lr / (float) Math.sqrt(rowG[f] + EPS);
            for (int a = 0; a < activeCount; a++) {
                int k = active[a];
                w[base + k] -= eta * (grad[k] * x + lambda * w[base + k]);
            }
        }
        for (int k = 0; k < c; k++) {
            biasG[k] += grad[k] * grad[k];
            bias[k] -= lr / (float) Math.sqrt(biasG[k] + EPS) * grad[k];
        }
        return loss;
    }

    /**
     * scores = bias + x·W. Two thirds of training time is here, waiting for rows of W from memory; four rows per
     * pass let the CPU fetch them in parallel and store the 38 accumulators once per four features.
     */
    private static void forward(int[] idx, float[] val, float[] w, float[] bias, float[] scores, int c) {
        System.arraycopy(bias, 0, scores, 0, c);
        int n = idx.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int b0 = idx[j] * c;
            int b1 = idx[j + 1] * c;
            int b2 = idx[j + 2] * c;
            int b3 = idx[j + 3] * c;
            float x0 = val[j];
            float x1 = val[j + 1];
            float x2 = val[j + 2];
            float x3 = val[j + 3];
            for (int k = 0; k < c; k++) {
                scores[k] += x0 * w[b0 + k] + x1 * w[b1 + k] + x2 * w[b2 + k] + x3 * w[b3 + k];
            }
        }
        for (; j < n; j++) {
            int base = idx[j] * c;
            float x = val[j];
            for (int k = 0; k < c; k++) {
                scores[k] += x * w[base + k];
            }
        }
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
