package io.glossa.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.glossa.corpus.LabeledText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final double EPS = 1e-12;

    /**
     * Label a: 4 texts, 3 right and one taken for b. Label b: 1 text, answered unknown.
     * micro = 3/5 = 0.6; macro = (3/4 + 0/1) / 2 = 0.375.
     */
    private static final List<LabeledText> DATA = List.of(
            new LabeledText("a", "a1"),
            new LabeledText("a", "a2"),
            new LabeledText("a", "a3"),
            new LabeledText("a", "a4"),
            new LabeledText("b", "b1"));

    private static ScriptedClassifier scripted() {
        return new ScriptedClassifier()
                .answer("a1", "a", 0.95)
                .answer("a2", "a", 0.85)
                .answer("a3", "a", 0.55)
                .answer("a4", "b", 0.65)
                .unknown("b1", "a", 0.35);
    }

    @Test
    void macroAndMicroAccuracyDifferAsComputedByHand() {
        EvaluationResult r = new Evaluator(1).evaluate(scripted(), DATA);

        assertThat(r.n()).isEqualTo(5);
        assertThat(r.correct()).isEqualTo(3);
        assertThat(r.microAccuracy()).isCloseTo(0.6, within(EPS));
        assertThat(r.macroAccuracy()).isCloseTo(0.375, within(EPS));
        assertThat(r.perLabel())
                .extracting(LabelScore::label, LabelScore::n, LabelScore::correct)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 4, 3), org.assertj.core.groups.Tuple.tuple("b", 1, 0));
        assertThat(r.modelVersion()).isEqualTo("scripted-1");
    }

    @Test
    void unknownCountsAsWrongAndIsCountedSeparately() {
        EvaluationResult r = new Evaluator(1).evaluate(scripted(), DATA);

        LabelScore b = r.perLabel().get(1);
        assertThat(b.accuracy()).isZero();
        assertThat(b.unknown()).isEqualTo(1);
        assertThat(r.unknown()).isEqualTo(1);
        assertThat(b.topConfusions()).containsExactly(new Confusion("unknown", 1));
    }

    @Test
    void confusionMatrixHasExpectedRowsAnswerColumnsAndUnknownLast() {
        EvaluationResult r = new Evaluator(1).evaluate(scripted(), DATA);
        ConfusionMatrix m = r.confusion();

        assertThat(m.rows()).containsExactly("a", "b");
        assertThat(m.columns()).containsExactly("a", "b", "unknown");
        assertThat(m.toArray()).isDeepEqualTo(new int[][] {{3, 1, 0}, {0, 0, 1}});
        assertThat(m.rate(0, 0)).isCloseTo(0.75, within(EPS));
        assertThat(r.perLabel().get(0).topConfusions()).containsExactly(new Confusion("b", 1));
    }

    @Test
    void answersOutsideTheExpectedLabelsGetTheirOwnColumn() {
        ScriptedClassifier c = new ScriptedClassifier().answer("x", "zz", 0.9).answer("y", "a", 0.9);
        EvaluationResult r =
                new Evaluator(1).evaluate(c, List.of(new LabeledText("a", "x"), new LabeledText("a", "y")));

        assertThat(r.confusion().columns()).containsExactly("a", "zz", "unknown");
        assertThat(r.confusion().count("a", "zz")).isEqualTo(1);
    }

    @Test
    void topConfusionsAreSortedByCountThenLabelAndCutAtThree() {
        ScriptedClassifier c = new ScriptedClassifier();
        List<LabeledText> data = new ArrayList<>();
        String[] answers = {"d", "c", "c", "e", "e", "b", "a"};
        for (int i = 0; i < answers.length; i++) {
            c.answer("t" + i, answers[i], 0.5);
            data.add(new LabeledText("a", "t" + i));
        }
        LabelScore a = new Evaluator(1).evaluate(c, data).perLabel().get(0);

        assertThat(a.topConfusions())
                .containsExactly(new Confusion("c", 2), new Confusion("e", 2), new Confusion("b", 1));
    }

    /**
     * Best-candidate probabilities 0.95 (right), 0.85 (right), 0.55 (right), 0.65 (wrong), 0.35 (wrong,
     * the unknown answer's best candidate a ≠ b): five bins of one text each, gaps 0.05, 0.15, 0.45,
     * 0.65, 0.35 → ECE = 1.65 / 5 = 0.33.
     */
    @Test
    void eceMatchesTheHandComputedValue() {
        Calibration cal = new Evaluator(1).evaluate(scripted(), DATA).calibration();

        assertThat(cal.n()).isEqualTo(5);
        assertThat(cal.ece()).isCloseTo(0.33, within(1e-9));
        assertThat(cal.bins()).hasSize(10);
        ReliabilityBin top = cal.bins().get(9);
        assertThat(top.lower()).isCloseTo(0.9, within(EPS));
        assertThat(top.n()).isEqualTo(1);
        assertThat(top.meanProbability()).isCloseTo(0.95, within(EPS));
        assertThat(top.accuracy()).isEqualTo(1.0);
        assertThat(cal.bins().get(6).accuracy()).isZero();
        assertThat(cal.bins().get(0).n()).isZero();
    }

    @Test
    void eceWeighsBinsByTheirShareAndPutsProbabilityOneInTheLastBin() {
        // Bin 0.9–1.0: probabilities 0.9 (right) and 1.0 (wrong): mean 0.95, share right 0.5, gap 0.45.
        // Bin 0.2–0.3: 0.2 (wrong) → gap 0.2. ECE = 2/3 * 0.45 + 1/3 * 0.2 = 0.3 + 0.0667.
        ScriptedClassifier c = new ScriptedClassifier()
                .answer("p", "a", 0.9)
                .answer("q", "b", 1.0)
                .answer("r", "b", 0.2);
        List<LabeledText> data =
                List.of(new LabeledText("a", "p"), new LabeledText("a", "q"), new LabeledText("a", "r"));
        Calibration cal = new Evaluator(1).evaluate(c, data).calibration();

        assertThat(cal.bins().get(9).n()).isEqualTo(2);
        assertThat(cal.bins().get(9).accuracy()).isCloseTo(0.5, within(EPS));
        assertThat(cal.ece()).isCloseTo(2.0 / 3 * 0.45 + 1.0 / 3 * 0.2, within(1e-9));
    }

    @Test
    void textsWithoutAnyCandidateAreLeftOutOfCalibrationButCountAsWrong() {
        ScriptedClassifier c = new ScriptedClassifier().answer("p", "a", 0.8).empty("123");
        EvaluationResult r =
                new Evaluator(1).evaluate(c, List.of(new LabeledText("a", "p"), new LabeledText("a", "123")));

        assertThat(r.calibration().n()).isEqualTo(1);
        assertThat(r.microAccuracy()).isCloseTo(0.5, within(EPS));
        assertThat(r.unknown()).isEqualTo(1);
    }

    @Test
    void twoThreadsGiveExactlyTheSameScoresAsOne() {
        ScriptedClassifier c = new ScriptedClassifier();
        List<LabeledText> data = new ArrayList<>();
        String[] labels = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < 5_000; i++) {
            String text = "t" + i;
            String answer = i % 7 == 0 ? labels[(i + 1) % 5] : labels[i % 5];
            if (i % 13 == 0) {
                c.unknown(text, answer, 0.3);
            } else {
                c.answer(text, answer, (i % 100) / 100.0);
            }
            data.add(new LabeledText(labels[i % 5], text));
        }
        EvaluationResult one = new Evaluator(1).evaluate(c, data);
        EvaluationResult two = new Evaluator(2).evaluate(c, data);

        assertThat(two.throughput().threads()).isEqualTo(2);
        assertThat(two).usingRecursiveComparison().ignoringFields("throughput").isEqualTo(one);
        assertThat(two.confusion()).isEqualTo(one.confusion());
    }

    @Test
    void throughputCountsEveryText() {
        EvaluationResult r = new Evaluator(1).evaluate(scripted(), DATA);

        assertThat(r.throughput().texts()).isEqualTo(5);
        assertThat(r.throughput().elapsedNanos()).isPositive();
        assertThat(r.throughput().textsPerSecond()).isPositive();
    }

    @Test
    void refusesEmptyDataAndZeroThreads() {
        assertThatThrownBy(() -> new Evaluator(1).evaluate(scripted(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no labelled texts");
        assertThatThrownBy(() -> new Evaluator(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
