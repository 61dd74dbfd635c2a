package io.glossa.training;

import io.glossa.concurrent.Threads;
import io.glossa.corpus.LabeledText;
import io.glossa.features.FeatureParams;
import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import io.glossa.model.TrainingParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * K-fold cross-validation of one parameter set. The score of a fold is the mean of two macro accuracies on its
 * held-out texts: on the texts themselves and on 1..3-word fragments cut from them, because users send both
 * sentences and a couple of words. Folds run in parallel, one thread each.
 */
public final class CrossValidator {
    private final int threads;
    private final Consumer<String> progress;

    public CrossValidator(int threads, Consumer<String> progress) {
        this.threads = Math.max(1, threads);
        this.progress = progress == null ? s -> {} : progress;
    }

    public double score(
            List<LabeledText> texts,
            List<String> labels,
            int folds,
            long foldSeed,
            FeatureParams features,
            TrainingParams params) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        int[] fold = DevSplit.folds(texts, folds, foldSeed);
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.min(threads, folds), Threads.daemonFactory("cross-validate"));
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int k = 0; k < folds; k++) {
                int held = k;
                results.add(pool.submit(() -> scoreFold(texts, fold, held, folds, labels, features, params)));
            }
            double sum = 0;
            for (Future<Double> r : results) {
                sum += r.get();
            }
            return sum / folds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cross-validation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private double scoreFold(
            List<LabeledText> texts,
            int[] fold,
            int held,
            int folds,
            List<String> labels,
            FeatureParams features,
            TrainingParams params) {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> test = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            (fold[i] == held ? test : train).add(texts.get(i));
        }
        WeightFitter.Fitted fitted = new WeightFitter(1, null).fit(train, labels, features, params);
        WeightFitter.Examples fragments = WeightFitter.augment(
                test,
                labels,
                new TrainingParams(1, 1, 0, 1, params.maxFragmentWords(), params.seed() + 1, 0, 1),
                false);
        WeightFitter.Examples whole =
                WeightFitter.augment(test, labels, new TrainingParams(1, 1, 0, 0, 1, params.seed(), 0, 1), true);
        double sentences = macroAccuracy(fitted, whole, labels);
        double shortTexts = macroAccuracy(fitted, fragments, labels);
        progress.accept(String.format(
                java.util.Locale.ROOT,
                "  fold %d/%d: texts %.4f, fragments %.4f",
                held + 1,
                folds,
                sentences,
                shortTexts));
        return (sentences + shortTexts) / 2;
    }

    static double macroAccuracy(WeightFitter.Fitted fitted, WeightFitter.Examples examples, List<String> labels) {
        FeatureVectorizer vectorizer = fitted.vectorizer();
        FeatureScratch scratch = new FeatureScratch();
        float[] scores = new float[labels.size()];
        Map<Integer, long[]> perLabel = new HashMap<>();
        int[] targets = examples.targets();
        for (int i = 0; i < targets.length; i++) {
            long[] counts = perLabel.computeIfAbsent(targets[i], t -> new long[2]);
            counts[0]++;
            if (vectorizer.vectorize(examples.texts().get(i), scratch) == 0) {
                continue;
            }
            var c = scratch.counts();
            int[] idx = new int[c.size()];
            float[] val = new float[c.size()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = c.keyAt(k);
                val[k] = c.valueAt(k);
            }
            if (fitted.weights().argmax(idx, val, scores) == targets[i]) {
                counts[1]++;
            }
        }
        return perLabel.values().stream()
                .mapToDouble(c -> (double) c[1] / c[0])
                .average()
                .orElse(0);
    }
}
