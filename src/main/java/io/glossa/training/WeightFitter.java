package io.glossa.training;

import io.glossa.corpus.LabeledText;
import io.glossa.features.FeatureParams;
import io.glossa.features.FeatureVectorizer;
import io.glossa.model.TrainingParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits float weights and idf on a list of texts: idf from the texts, then every text plus
 * {@code fragmentsPerText} short fragments of it, class-balanced, into {@link SoftmaxRegression}.
 * Shared by the final training and by each cross-validation fold.
 */
public final class WeightFitter {
    private final int threads;
    private final TrainingProgress progress;

    public WeightFitter(int threads, TrainingProgress progress) {
        this.threads = threads;
        this.progress = progress;
    }

    /** The fitted float model: idf, weights, and the vectorizer that goes with them. */
    public record Fitted(float[] idf, LinearWeights weights, FeatureVectorizer vectorizer, int examples) {}

    public Fitted fit(List<LabeledText> texts, List<String> labels, FeatureParams features, TrainingParams params) {
        List<String> documents = texts.stream().map(LabeledText::text).toList();
        float[] idf = IdfEstimator.estimate(documents, features);
        FeatureVectorizer vectorizer = new FeatureVectorizer(features, idf);
        Examples examples = augment(texts, labels, params, true);
        TrainingSet set = new TrainingSetBuilder(vectorizer, threads)
                .build(examples.texts(), examples.targets(), examples.weights(), labels.size(), true);
        log(
                "training on %d examples (%d texts + fragments), %d labels, 2^%d buckets",
                set.size(), texts.size(), labels.size(), features.bits());
        LinearWeights weights = SoftmaxRegression.fit(
                set,
                features.buckets(),
                params.epochs(),
                params.learningRate(),
                params.l2(),
                params.seed(),
                threads,
                progress);
        return new Fitted(idf, weights, vectorizer, set.size());
    }

    /**
     * Texts and fragments of them, with their label indices and loss weights. Targets and weights in primitive
     * arrays: a training run holds millions of examples, and a boxed Float each cost ~16 bytes and an object.
     */
    static final class Examples {
        private final List<String> texts = new ArrayList<>();
        private int[] targets = new int[1024];
        private float[] weights = new float[1024];

        void add(String text, int target, float weight) {
            int n = texts.size();
            if (n == targets.length) {
                targets = Arrays.copyOf(targets, 2 * n);
                weights = Arrays.copyOf(weights, 2 * n);
            }
            texts.add(text);
            targets[n] = target;
            weights[n] = weight;
        }

        List<String> texts() {
            return texts;
        }

        int[] targets() {
            return Arrays.copyOf(targets, texts.size());
        }

        float[] weights() {
            return Arrays.copyOf(weights, texts.size());
        }
    }

    /** Every text (if {@code includeTexts}) followed by {@code fragmentsPerText} fragments of it. */
    static Examples augment(List<LabeledText> texts, List<String> labels, TrainingParams params, boolean includeTexts) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        Fragmenter fragmenter = new Fragmenter(params.maxFragmentWords());
        SplittableRandom random = new SplittableRandom(params.seed() ^ 0xA5A5A5A5L);
        Examples out = new Examples();
        for (LabeledText t : texts) {
            Integer target = index.get(t.label());
            if (target == null) {
                continue;
            }
            addWithFragments(t.text(), target, includeTexts, params, fragmenter, random, out);
            if (includeTexts && SerbianScripts.LABEL.equals(t.label())) {
                addWithFragments(SerbianScripts.otherScript(t.text()), target, true, params, fragmenter, random, out);
            }
        }
        return out;
    }

    private static void addWithFragments(
            String text,
            int target,
            boolean includeText,
            TrainingParams params,
            Fragmenter fragmenter,
            SplittableRandom random,
            Examples out) {
        if (includeText) {
            out.add(text, target, (float) params.textWeight());
        }
        for (int k = 0; k < params.fragmentsPerText(); k++) {
            out.add(fragmenter.cut(text, random), target, 1f);
        }
    }

    private void log(String format, Object... args) {
        if (progress != null) {
            progress.accept(String.format(java.util.Locale.ROOT, format, args));
        }
    }
}
