package io.glossa.training;

import io.glossa.corpus.LabeledText;
import io.glossa.features.FeatureParams;
import io.glossa.model.SearchSummary;
import io.glossa.model.TrainingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Randomized search (as scikit-learn's RandomizedSearchCV): sample parameter sets, score each by K-fold
 * cross-validation, keep the best. The space:
 * feature bits 17..18, n-gram orders 1..{4,5}, whole-word features on/off, epochs 3..6,
 * learning rate log-uniform 0.05..0.5, L2 log-uniform 1e-8..1e-5, fragments per text {3, 6, 10}, fragment words 2..4.
 * Trial 1 is always the defaults, so the search can only improve on them.
 */
public final class RandomSearch {
    private final int threads;
    private final Consumer<String> progress;

    public RandomSearch(int threads, Consumer<String> progress) {
        this.threads = threads;
        this.progress = progress == null ? s -> {} : progress;
    }

    public record Trial(int number, FeatureParams features, TrainingParams training, double cvScore, double seconds) {}

    public record Outcome(List<Trial> trials, Trial best, SearchSummary summary) {}

    public Outcome run(
            List<LabeledText> texts,
            List<String> labels,
            int trials,
            int folds,
            long seed,
            FeatureParams baseFeatures,
            TrainingParams baseTraining,
            Consumer<Trial> onTrial) {
        if (trials < 1) {
            throw new IllegalArgumentException("search needs at least one trial");
        }
        SplittableRandom random = new SplittableRandom(seed);
        CrossValidator cv = new CrossValidator(threads, progress);
        List<Trial> done = new ArrayList<>();
        Trial best = null;
        for (int t = 1; t <= trials; t++) {
            FeatureParams f = t == 1 ? baseFeatures : sampleFeatures(random);
            TrainingParams p = t == 1 ? baseTraining : sampleTraining(random, baseTraining);
            progress.accept(String.format(java.util.Locale.ROOT, "trial %d/%d: %s %s", t, trials, f, p));
            long start = System.nanoTime();
            double score = cv.score(texts, labels, folds, seed, f, p);
            Trial trial = new Trial(t, f, p, score, (System.nanoTime() - start) / 1e9);
            done.add(trial);
            if (best == null || score > best.cvScore()) {
                best = trial;
            }
            onTrial.accept(trial);
        }
        return new Outcome(
                done, best, new SearchSummary(trials, folds, seed, best.cvScore(), best.features(), best.training()));
    }

    static FeatureParams sampleFeatures(SplittableRandom r) {
        return new FeatureParams(17 + r.nextInt(2), 1, 4 + r.nextInt(2), r.nextBoolean());
    }

    static TrainingParams sampleTraining(SplittableRandom r, TrainingParams base) {
        int[] fragments = {3, 6, 10};
        return new TrainingParams(
                3 + r.nextInt(4),
                logUniform(r, 0.05, 0.5),
                logUniform(r, 1e-8, 1e-5),
                fragments[r.nextInt(fragments.length)],
                2 + r.nextInt(3),
                base.seed(),
                base.devFraction(),
                base.textWeight());
    }

    private static double logUniform(SplittableRandom r, double lo, double hi) {
        double v = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }
}
