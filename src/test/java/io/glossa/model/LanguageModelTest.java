package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.glossa.testing.SyntheticCorpus;
import io.glossa.training.TrainedModel;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageModelTest {
    private static TrainedModel trained;
    private static LanguageModel model;

    @BeforeAll
    static void train() {
        trained = SyntheticCorpus.train();
        model = trained.toLanguageModel();
    }

    @Test
    void recognisesHeldOutSentences() {
        Random random = new Random(99);
        int correct = 0;
        for (int i = 0; i < 300; i++) {
            String label = List.of("aa", "bb", "cc").get(i % 3);
            String text = SyntheticCorpus.sentence(SyntheticCorpus.SYLLABLES.get(label), random);
            if (model.predict(text, 1).language().equals(label)) {
                correct++;
            }
        }
        assertThat(correct).isGreaterThan(290);
    }

    /**
     * The scorer sums quantised feature weights times int8 weights in int lanes. A long text that fills most of the
     * 4,096 buckets with features of equal weight, scored against rows of +127 and -127, would overflow an int
     * quantised at a fixed 16 bits (4,096 x 32,767 x 127 > 2^31): the scores must keep their signs and sizes.
     */
    @Test
    void aLongTextOfManyEqualFeaturesDoesNotOverflowTheScores() {
        int buckets = trained.metadata().features().buckets();
        int labels = model.labelCount();
        byte[] weights = new byte[buckets * labels];
        float[] ones = new float[buckets];
        java.util.Arrays.fill(ones, 1f);
        for (int b = 0; b < buckets; b++) {
            weights[b * labels] = 127;
            weights[b * labels + 1] = -127;
        }
        LanguageModel extreme =
                new LanguageModel(trained.metadata(), new ModelWeights(labels, ones, ones, weights, new float[labels]));
        StringBuilder text = new StringBuilder();
        Random random = new Random(5);
        while (text.length() < 9_000) {
            text.append((char) (0x4E00 + random.nextInt(3_000))).append(random.nextInt(4) == 0 ? " " : "");
        }
        float[] scores = new float[labels];

        extreme.rawScores(text, scores, extreme.newScratch());

        // every feature weight is positive and the vector has unit length, so its sum lies in [1, sqrt(buckets)]
        assertThat(scores[0]).isBetween(127f, 127f * (float) Math.sqrt(buckets));
        assertThat(scores[1]).isCloseTo(-scores[0], within(1e-3f * scores[0]));
    }

    /** Restricting the candidates conditions the probabilities on them: the answer is always one of them. */
    @Test
    void aRestrictedPredictionAnswersAmongTheGivenLanguagesOnly() {
        LanguageModel builtIn = LanguageModel.loadDefault();
        String german = "Das ist ein ganz gewöhnlicher deutscher Satz über das Wetter von heute.";
        Prediction among = builtIn.predict(german, 5, java.util.List.of("de", "nl"));
        assertThat(among.language()).isEqualTo("de");
        assertThat(among.top()).extracting(io.glossa.model.Candidate::language).containsExactly("de", "nl");
        assertThat(among.top().stream()
                        .mapToDouble(io.glossa.model.Candidate::probability)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(among.probability())
                .isGreaterThanOrEqualTo(builtIn.predict(german, 1).probability());

        Prediction wrong = builtIn.predict(german, 3, java.util.List.of("fi", "et"));
        assertThat(wrong.language()).isIn("fi", "et", Prediction.UNKNOWN);
        assertThat(wrong.top()).extracting(io.glossa.model.Candidate::language).containsExactlyInAnyOrder("fi", "et");
        assertThat(builtIn.predict(german, 3, java.util.List.of("xx")).language())
                .isEqualTo(Prediction.UNKNOWN);
        assertThat(builtIn.predict(german, 3, java.util.List.of())).isEqualTo(builtIn.predict(german, 3));
    }

    @Test
    void warmUpClassifiesTheLabelNamesItWasAskedTo() {
        LanguageModel builtIn = LanguageModel.loadDefault();
        int rounds = 3 * builtIn.labelCount();

        int known = builtIn.warmUp(rounds);

        // "Svenska Swedish" and the like: the built-in model knows nearly all of its own languages' names
        assertThat(known).isBetween(rounds * 8 / 10, rounds);
        assertThat(builtIn.warmUp(0)).isZero();
    }

    @Test
    void probabilitiesSumToOneAndTopIsSortedBestFirst() {
        float[] p = new float[model.labelCount()];
        int best = model.classify("kaki lelo", p, model.newScratch());
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        Prediction prediction = model.predict("kaki lelo", 3);
        assertThat(prediction.top()).hasSize(3);
        assertThat(prediction.top().stream().mapToDouble(Candidate::probability).sum())
                .isCloseTo(1.0, within(1e-5));
        assertThat(prediction.top().get(0).probability())
                .isGreaterThanOrEqualTo(prediction.top().get(1).probability());
        assertThat(prediction.top().get(1).probability())
                .isGreaterThanOrEqualTo(prediction.top().get(2).probability());
        if (best >= 0) {
            assertThat(prediction.language()).isEqualTo(model.labels().get(best));
            assertThat(prediction.probability()).isEqualTo(p[best], within(1e-6));
        }
    }

    @Test
    void textWithoutLettersIsUnknownWithNoCandidates() {
        for (String text : new String[] {"", "   ", "12 34", "?!", "http://example.com"}) {
            Prediction p = model.predict(text, 3);
            assertThat(p.isUnknown()).as(text).isTrue();
            assertThat(p.top()).isEmpty();
            assertThat(p.probability()).isZero();
        }
    }

    @Test
    void oneLetterIsEnoughToTry() {
        assertThat(model.predict("k", 1).top()).hasSize(1);
    }

    @Test
    void lowConfidenceIsUnknownButKeepsCandidates() {
        ModelMetadata m = trained.metadata();
        ModelMetadata strict = new ModelMetadata(
                m.version(),
                m.formatVersion(),
                m.glossaVersion(),
                m.createdAt(),
                m.sizeBytes(),
                m.labels(),
                m.features(),
                m.training(),
                m.trainingFiles(),
                m.trainingExamples(),
                m.trainingSeconds(),
                m.cvScore(),
                m.search(),
                m.dev(),
                m.devFragments(),
                0.999,
                m.minLetters(),
                m.temperature(),
                m.quantization(),
                m.priors(),
                null);
        LanguageModel picky = new LanguageModel(strict, trained.weights());
        Prediction p = picky.predict("q", 2);
        assertThat(p.isUnknown()).isTrue();
        assertThat(p.name()).isEqualTo("unknown");
        assertThat(p.top()).hasSize(2);
        assertThat(p.probability()).isEqualTo(p.top().get(0).probability());
        assertThat(picky.classify("q", new float[3], picky.newScratch())).isEqualTo(LanguageModel.UNKNOWN_INDEX);
    }

    @Test
    void topKIsClampedAndValidated() {
        assertThat(model.predict("kaki", 10).top()).hasSize(3);
        assertThat(model.predict("kaki", 0).top()).isEmpty();
        assertThatThrownBy(() -> model.predict("kaki", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifyRejectsBuffersThatDoNotFit() {
        assertThatThrownBy(() -> model.classify("kaki", new float[2], model.newScratch()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 entries");
    }

    @Test
    void namesComeFromTheModel() {
        assertThat(model.metadata().labels()).extracting(LabelInfo::name).containsExactly("aa", "bb", "cc");
    }

    /**
     * The scalar kernel allocates nothing once warm. Nor does the vector kernel, but only once C2 has compiled it
     * (interpreted and C1 code box every vector), which on a busy machine takes longer than the scalar warm-up: it
     * gets rounds until one allocates nothing, for up to 30 s.
     */
    @Test
    void classifyDoesNotAllocateOnceWarm() {
        LanguageModel scalar = LabelSumsContract.withoutVectors(trained::toLanguageModel);
        assertThat(scalar.scoringKernel()).startsWith("scalar");
        // A few hundred bytes of measurement noise at most; one allocation per call would be >= 160 KB.
        assertThat(allocatedInAWarmRound(scalar, Duration.ZERO)).isLessThan(10_000);
        assertThat(allocatedInAWarmRound(model, Duration.ofSeconds(30))).isLessThan(10_000);
    }

    /** Bytes allocated by 10,000 calls after 20,000; more such rounds, while they allocate, for up to {@code patience}. */
    private static long allocatedInAWarmRound(LanguageModel model, Duration patience) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LanguageModel.Scratch scratch = model.newScratch();
        float[] p = new float[model.labelCount()];
        String[] texts = {"kakiko turan ki", "lelisve nor lo", "mamuze xopet ma", "Kaki, 42 LELO!"};
        for (int i = 0; i < 20_000; i++) {
            model.classify(texts[i & 3], p, scratch);
        }
        long tid = Thread.currentThread().getId();
        long deadline = System.nanoTime() + patience.toNanos();
        long allocated;
        do {
            long before = bean.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 10_000; i++) {
                model.classify(texts[i & 3], p, scratch);
            }
            allocated = bean.getThreadAllocatedBytes(tid) - before;
        } while (allocated >= 10_000 && System.nanoTime() < deadline);
        return allocated;
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String[] texts = {"kakiko turan ki", "lelisve nor lo", "mamuze xopet ma"};
        String[] expected = new String[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = model.predict(texts[i], 1).language();
        }
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int i = 0; i < 5000; i++) {
                    all &= model.predict(texts[i % 3], 2).language().equals(expected[i % 3]);
                }
                ok[id] = all;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).containsOnly(true);
    }
}
