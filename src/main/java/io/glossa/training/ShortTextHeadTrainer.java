package io.glossa.training;

import io.glossa.corpus.LabeledText;
import io.glossa.model.LanguageModel;
import io.glossa.model.ShortTextHead;
import io.glossa.model.TrainingParams;
import io.glossa.text.NormalizedText;
import io.glossa.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits a model's short-text head: a second set of weights over the same features and training texts, each text
 * cut into {@code fragments} one-word fragments, calibrated like the main weights; then chooses on dev fragments how
 * many words the head takes: the most words for which it beats the main weights at that length and every shorter one.
 * Why a second head: the main weights cannot be fitted on many one-word fragments without reading sentences worse.
 */
public final class ShortTextHeadTrainer {
    /** Dev fragments per dev text for choosing the word count (a fresh seed, apart from calibration's). */
    static final int CHOICE_FRAGMENTS_PER_TEXT = 6;

    private final int threads;
    private final TrainingProgress progress;

    public ShortTextHeadTrainer(int threads, TrainingProgress progress) {
        this.threads = threads;
        this.progress = progress == null ? s -> {} : progress;
    }

    /** The main model with a head fitted on {@code fragments} one-word fragments per text, or as it was if none helps. */
    public TrainedModel attach(TrainingCorpus corpus, TrainedModel main, int fragments) {
        TrainingParams p = main.metadata().training();
        TrainingParams params =
                new TrainingParams(p.epochs(), p.learningRate(), p.l2(), fragments, 1, p.seed(), p.devFraction(), 1);
        List<LabeledText> dev =
                DevSplit.split(corpus.texts(), p.devFraction(), p.seed()).dev();
        if (dev.isEmpty()) {
            progress.accept("short-text head: no dev split to choose its word count on; not kept");
            return main;
        }
        progress.accept("short-text head: " + fragments + " one-word fragments per text");
        TrainedModel head = new ModelTrainer(threads, progress)
                .train(corpus, main.metadata().features(), params, null);
        if (!Arrays.equals(head.weights().idf(), main.weights().idf())) {
            throw new IllegalStateException("the short-text head was fitted with another idf than the main weights");
        }
        List<ShortTextHead.WordCountScore> choice = choose(dev, corpus.labels(), p, main, head);
        int maxWords = 0;
        while (maxWords < choice.size()
                && choice.get(maxWords).head() > choice.get(maxWords).main()) {
            maxWords++;
        }
        if (maxWords == 0) {
            progress.accept("short-text head: no better than the main weights on one-word dev fragments; not kept");
            return main;
        }
        progress.accept("short-text head: scores texts of up to " + maxWords + " word" + (maxWords > 1 ? "s" : ""));
        var m = head.metadata();
        ShortTextHead info = new ShortTextHead(
                maxWords,
                params,
                m.trainingExamples(),
                m.devFragments(),
                m.unknownThreshold(),
                m.temperature(),
                m.priors(),
                choice);
        return new TrainedModel(main.metadata().withShortText(info), main.weights(), head.weights());
    }

    /** Macro accuracy of each set of weights on dev fragments of 1, 2, ... {@link ShortTextHead#MAX_WORDS} words. */
    private List<ShortTextHead.WordCountScore> choose(
            List<LabeledText> dev, List<String> labels, TrainingParams p, TrainedModel main, TrainedModel head) {
        WeightFitter.Examples fragments = WeightFitter.augment(
                dev,
                labels,
                new TrainingParams(1, 1, 0, CHOICE_FRAGMENTS_PER_TEXT, ShortTextHead.MAX_WORDS, p.seed() + 2, 0, 1),
                false);
        LanguageModel mainModel = main.toLanguageModel();
        LanguageModel headModel = head.toLanguageModel();
        List<ShortTextHead.WordCountScore> out = new ArrayList<>();
        for (int words = 1; words <= ShortTextHead.MAX_WORDS; words++) {
            List<String> texts = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            for (int i = 0; i < fragments.texts().size(); i++) {
                if (wordCount(fragments.texts().get(i)) == words) {
                    texts.add(fragments.texts().get(i));
                    targets.add(fragments.targets()[i]);
                }
            }
            double a = macroAccuracy(mainModel, texts, targets, labels);
            double b = macroAccuracy(headModel, texts, targets, labels);
            progress.accept(String.format(
                    Locale.ROOT,
                    "short-text head: %d-word dev fragments (n=%d): main weights %.4f, head %.4f",
                    words,
                    texts.size(),
                    a,
                    b));
            out.add(new ShortTextHead.WordCountScore(words, round(a), round(b)));
        }
        return out;
    }

    private static int wordCount(String text) {
        NormalizedText n = TextNormalizer.normalize(text);
        for (int words = 1; words <= ShortTextHead.MAX_WORDS; words++) {
            if (n.hasWordsUpTo(words)) {
                return words;
            }
        }
        return 0;
    }

    /** As the model answers: its temperature and unknown threshold, unknown counted wrong (DevSet, as for dev). */
    private static double macroAccuracy(
            LanguageModel model, List<String> texts, List<Integer> targets, List<String> labels) {
        DevSet set = DevSet.of(
                model, texts, targets.stream().mapToInt(Integer::intValue).toArray());
        return set.score(
                        labels, model.metadata().temperature(), model.metadata().unknownThreshold())
                .macroAccuracy();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
