package io.glossa.training;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Multinomial logistic regression fitted by SGD with AdaGrad steps.
 *
 * <p>Why these choices: the loss is convex and gives probabilities (which we calibrate afterwards); SGD touches
 * only the few hundred buckets of an example, so an epoch over ~0.5 M sparse examples takes seconds where
 * full-batch L-BFGS would need a pass per iteration. AdaGrad keeps one accumulator per bucket row (not per weight):
 * rare n-grams get large steps, frequent ones small, at one square root per feature instead of one per weight.
 * The L2 penalty is applied to the rows an example touches (the usual sparse approximation), so it costs nothing
 * for the other 2^bits rows. One thread and a seeded shuffle: the same data and seed give the same weights.
 */
public final class SoftmaxRegression {
    private static final float EPS = 1e-6f;

    private SoftmaxRegression() {
    }

    public static LinearWeights fit(TrainingSet data, int buckets, int epochs, double learningRate, double l2,
                                    long seed, Consumer<String> progress) {
        int c = data.labels();
        float[] w = new float[buckets * c];
        float[] bias = new float[c];
        float[] rowG = new float[buckets];
        float[] biasG = new float[c];
        float[] scores = new float[c];
        float[] grad = new float[c];
        float lr = (float) learningRate;
        float lambda = (float) l2;
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            double loss = 0;
            long start = System.nanoTime();
            for (int i : order) {
                loss += step(data, i, w, bias, rowG, biasG, scores, grad, lr, lambda, c);
            }
            if (progress != null) {
                progress.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d: loss %.4f (%.1f s)",
                        epoch, epochs, loss / n, (System.nanoTime() - start) / 1e9));
            }
        }
        return new LinearWeights(c, w, bias);
    }

    private static double step(TrainingSet data, int i, float[] w, float[] bias, float[] rowG, float[] biasG,
                               float[] scores, float[] grad, float lr, float lambda, int c) {
        int[] idx = data.indices()[i];
        float[] val = data.values()[i];
        int target = data.targets()[i];
        float weight = data.weights()[i];
        System.arraycopy(bias, 0, scores, 0, c);
        for (int j = 0; j < idx.length; j++) {
            int base = idx[j] * c;
            float x = val[j];
            for (int k = 0; k < c; k++) {
                scores[k] += x * w[base + k];
            }
        }
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
        double loss = -weight * (Math.log(grad[target] / sum));
        float inv = 1 / sum;
        for (int k = 0; k < c; k++) {
            grad[k] = weight * (grad[k] * inv - (k == target ? 1 : 0));
        }
        for (int j = 0; j < idx.length; j++) {
            int f = idx[j];
            int base = f * c;
            float x = val[j];
            float g2 = 0;
            for (int k = 0; k < c; k++) {
                float g = grad[k] * x + lambda * w[base + k];
                g2 += g * g;
            }
            rowG[f] += g2 / c;
            float eta = lr / (float) Math.sqrt(rowG[f] + EPS);
            for (int k = 0; k < c; k++) {
                w[base + k] -= eta * (grad[k] * x + lambda * w[base + k]);
            }
        }
        for (int k = 0; k < c; k++) {
            biasG[k] += grad[k] * grad[k];
            bias[k] -= lr / (float) Math.sqrt(biasG[k] + EPS) * grad[k];
        }
        return loss;
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
