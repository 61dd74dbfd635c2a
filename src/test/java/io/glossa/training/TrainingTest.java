package io.glossa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.glossa.corpus.LabeledText;
import io.glossa.features.FeatureParams;
import io.glossa.features.FeatureVectorizer;
import io.glossa.model.TrainingParams;
import io.glossa.testing.SyntheticCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingTest {
    @Test
    void devSplitIsReproducibleAndPerLabel() {
        List<LabeledText> texts = SyntheticCorpus.texts(1000, 1);
        DevSplit.Split a = DevSplit.split(texts, 0.1, 42);
        DevSplit.Split b = DevSplit.split(texts, 0.1, 42);
        assertThat(a).isEqualTo(b);
        for (String label : List.of("aa", "bb", "cc")) {
            long dev = a.dev().stream().filter(t -> t.label().equals(label)).count();
            assertThat(dev).isBetween(70L, 130L);
        }
        assertThat(DevSplit.split(texts, 0.1, 43).dev()).isNotEqualTo(a.dev());
        assertThat(a.train().size() + a.dev().size()).isEqualTo(texts.size());
    }

    @Test
    void foldsCoverAllIndices() {
        int[] folds = DevSplit.folds(SyntheticCorpus.texts(300, 1), 3, 5);
        int[] count = new int[3];
        for (int f : folds) {
            count[f]++;
        }
        for (int c : count) {
            assertThat(c).isBetween(240, 360);
        }
    }

    @Test
    void fragmentsAreShortPiecesOfTheText() {
        Fragmenter f = new Fragmenter(3);
        SplittableRandom r = new SplittableRandom(1);
        String text = "one two three four five six seven";
        for (int i = 0; i < 100; i++) {
            String piece = f.cut(text, r);
            assertThat(text).contains(piece);
            assertThat(piece.split(" ")).hasSizeBetween(1, 3);
        }
        String japanese = "日本語の文章は単語の間に空白を入れずに書かれています";
        assertThat(f.cut(japanese, r)).hasSizeBetween(2, 12);
    }

    @Test
    void temperatureScalingRecoversTheTemperatureOfSyntheticData() {
        // Scores drawn so that softmax(scores / 2) is the true distribution: the fit should find T ~ 2.
        Random random = new Random(3);
        int n = 20_000;
        float[][] scores = new float[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            float[] s = new float[3];
            for (int k = 0; k < 3; k++) {
                s[k] = (float) (random.nextGaussian() * 4);
            }
            double[] p = new double[3];
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                p[k] = Math.exp(s[k] / 2);
                sum += p[k];
            }
            double u = random.nextDouble() * sum;
            int t = 0;
            while (t < 2 && u > p[t]) {
                u -= p[t];
                t++;
            }
            scores[i] = s;
            targets[i] = t;
        }
        assertThat(TemperatureScaling.fit(scores, targets)).isCloseTo(2.0, within(0.15));
    }

    @Test
    void eceIsZeroForPerfectlyCalibratedConfidence() {
        ScoreAccumulator acc = new ScoreAccumulator(List.of("a", "b"));
        for (int i = 0; i < 100; i++) {
            boolean right = i < 70;
            acc.add(0, right ? 0 : 1, 0.7, right);
        }
        assertThat(acc.scores().ece()).isCloseTo(0.0, within(1e-9));
        assertThat(acc.scores().microAccuracy()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void macroAccuracyIsTheMeanOfPerLabelAccuraciesAndUnknownIsWrong() {
        ScoreAccumulator acc = new ScoreAccumulator(List.of("a", "b"));
        acc.add(0, 0, 0.9, true);
        acc.add(0, -1, 0.3, true);
        for (int i = 0; i < 8; i++) {
            acc.add(1, 1, 0.9, true);
        }
        var s = acc.scores();
        assertThat(s.macroAccuracy()).isCloseTo((0.5 + 1.0) / 2, within(1e-9));
        assertThat(s.microAccuracy()).isCloseTo(0.9, within(1e-9));
        assertThat(s.unknownRate()).isCloseTo(0.1, within(1e-9));
        assertThat(s.perLabel()).containsEntry("a", 0.5).containsEntry("b", 1.0);
    }

    @Test
    void trainerStoresCalibrationAndDevScores() {
        TrainedModel m = SyntheticCorpus.train();
        assertThat(m.metadata().dev()).isNotNull();
        assertThat(m.metadata().dev().macroAccuracy()).isGreaterThan(0.95);
        assertThat(m.metadata().temperature()).isPositive();
        assertThat(m.metadata().unknownThreshold()).isBetween(0.0, ModelTrainer.MAX_THRESHOLD);
        assertThat(m.metadata().cvScore()).isNull();
    }

    @Test
    void twoThreadTrainingIsDeterministicAndAccurate() {
        List<LabeledText> texts = SyntheticCorpus.texts(400, 2);
        List<String> labels = List.of("aa", "bb", "cc");
        FeatureParams f = new FeatureParams(12, 1, 3, true);
        TrainingParams p = new TrainingParams(2, 0.3, 1e-6, 1, 2, 1, 0, 1);
        WeightFitter.Fitted a = new WeightFitter(2, null).fit(texts, labels, f, p);
        WeightFitter.Fitted b = new WeightFitter(2, null).fit(texts, labels, f, p);
        assertThat(a.weights().weights()).isEqualTo(b.weights().weights());
        WeightFitter.Examples held = WeightFitter.augment(
                SyntheticCorpus.texts(100, 9), labels, new TrainingParams(1, 1, 0, 0, 1, 1, 0, 1), true);
        assertThat(CrossValidator.macroAccuracy(a, held, labels)).isGreaterThan(0.97);
    }

    @Test
    void aWholeTextWeighsTheTextWeightInFragmentsAndEveryLabelStillWeighsAlike() {
        List<LabeledText> texts = new ArrayList<>(SyntheticCorpus.texts(20, 3));
        texts.addAll(SyntheticCorpus.texts(40, 4).subList(0, 40)); // label aa twice as often
        List<String> labels = List.of("aa", "bb", "cc");
        WeightFitter.Examples examples =
                WeightFitter.augment(texts, labels, new TrainingParams(1, 1, 0, 4, 2, 1, 0, 3), true);
        assertThat(examples.weights()).hasSize(texts.size() * 5);
        assertThat(examples.weights()[0]).as("the whole text").isEqualTo(3f);
        assertThat(examples.weights()[1]).as("a fragment of it").isEqualTo(1f);

        FeatureParams f = new FeatureParams(12, 1, 3, true);
        FeatureVectorizer vectorizer = new FeatureVectorizer(
                f, IdfEstimator.estimate(texts.stream().map(LabeledText::text).toList(), f));
        TrainingSet set = new TrainingSetBuilder(vectorizer, 2)
                .build(examples.texts(), examples.targets(), examples.weights(), labels.size(), true);
        double[] perLabel = new double[labels.size()];
        for (int i = 0; i < set.size(); i++) {
            perLabel[set.targets()[i]] += set.weights()[i];
        }
        assertThat(perLabel[0]).isCloseTo(perLabel[1], within(1e-3)).isCloseTo(perLabel[2], within(1e-3));
        assertThat(set.weights()[0] / set.weights()[1]).isCloseTo(3f, within(1e-5f));
    }

    @Test
    void aTextWeightOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new TrainingParams(1, 1, 0, 4, 2, 1, 0, 0)).hasMessageContaining("text weight");
        assertThatThrownBy(() -> new TrainingParams(1, 1, 0, 4, 2, 1, 0, TrainingParams.MAX_TEXT_WEIGHT + 1))
                .hasMessageContaining("text weight");
    }

    @Test
    void searchTriesTheDefaultsFirstAndKeepsTheBest() {
        List<LabeledText> texts = SyntheticCorpus.texts(150, 4);
        List<RandomSearch.Trial> seen = new ArrayList<>();
        FeatureParams f = new FeatureParams(12, 1, 3, true);
        TrainingParams p = new TrainingParams(2, 0.3, 1e-6, 1, 2, 1, 0, 2);
        RandomSearch.Outcome outcome =
                new RandomSearch(2, null).run(texts, List.of("aa", "bb", "cc"), 2, 2, 7, f, p, seen::add);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).features()).isEqualTo(f);
        assertThat(seen)
                .as("the text weight is the caller's, not searched")
                .allSatisfy(trial -> assertThat(trial.training().textWeight()).isEqualTo(2));
        assertThat(outcome.best().cvScore())
                .isEqualTo(seen.stream()
                        .mapToDouble(RandomSearch.Trial::cvScore)
                        .max()
                        .orElseThrow());
        assertThat(outcome.summary().cvScore()).isEqualTo(outcome.best().cvScore());
        assertThat(outcome.summary().trials()).isEqualTo(2);
    }

    @Test
    void serbianIsTransliteratedBothWays() {
        assertThat(SerbianScripts.otherScript("Ljubav i njegova džamija")).isEqualTo("Љубав и његова џамија");
        assertThat(SerbianScripts.otherScript("Љубав и његова џамија")).isEqualTo("Ljubav i njegova džamija");
        assertThat(SerbianScripts.otherScript("Ćuprija, Đorđe, šuma, žaba 1999."))
                .isEqualTo("Ћуприја, Ђорђе, шума, жаба 1999.");
    }
}
