package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.NastyText;
import io.glossa.testing.Property;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model on arbitrary strings: never throws, probabilities in [0, 1] summing to 1. */
class LanguageModelPropertiesTest {
    private static LanguageModel model;

    @BeforeAll
    static void load() {
        model = LanguageModel.loadDefault();
    }

    @Test
    void predictionsAreProbabilityDistributions() {
        Property.forAll(1_000, NastyText::any, text -> {
            Prediction p = model.predict(text, model.labelCount());

            assertThat(p.probability()).isBetween(0.0, 1.0);
            if (p.top().isEmpty()) {
                assertThat(p.isUnknown()).as("no candidates means unknown").isTrue();
                return;
            }
            assertThat(p.top()).hasSize(model.labelCount());
            assertThat(p.top()).allSatisfy(c -> assertThat(c.probability()).isBetween(0.0, 1.0));
            assertThat(p.top().stream().mapToDouble(Candidate::probability).sum())
                    .isCloseTo(1.0, Offset.offset(1e-3));
            assertThat(p.top()).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
            if (!p.isUnknown()) {
                assertThat(p.language()).isEqualTo(p.top().get(0).language());
                assertThat(p.probability()).isEqualTo(p.top().get(0).probability());
            }
        });
    }

    @Test
    void classifyFillsADistributionOrZeros() {
        LanguageModel.Scratch scratch = model.newScratch();
        float[] probabilities = new float[model.labelCount()];
        Property.forAll(1_000, NastyText::any, text -> {
            int best = model.classify(text, probabilities, scratch);
            double sum = 0;
            for (float p : probabilities) {
                assertThat(p).isBetween(0f, 1f);
                sum += p;
            }
            assertThat(best).isBetween(LanguageModel.UNKNOWN_INDEX, model.labelCount() - 1);
            if (scratch.letters() == 0) {
                assertThat(sum).isZero();
            } else if (sum > 0) {
                assertThat(sum).isCloseTo(1.0, Offset.offset(1e-3));
            }
        });
    }
}
