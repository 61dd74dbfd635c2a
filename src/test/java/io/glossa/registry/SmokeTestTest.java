package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.LanguageModel;
import io.glossa.testing.TestModels;
import org.junit.jupiter.api.Test;

class SmokeTestTest {
    @Test
    void theBuiltInModelPassesOnEveryCheckSentence() {
        CheckSentences.Score score = SmokeTest.check(LanguageModel.fromBytes(TestModels.builtIn()));
        assertThat(score.sentences()).isEqualTo(240);
        assertThat(score.labels()).isEqualTo(38);
        assertThat(score.macroAccuracy()).isGreaterThan(0.99);
    }

    /** Issue 19: the smoke test passed a model having checked 0 sentences; three known languages are too few. */
    @Test
    void aModelThatKnowsTooFewOfTheLanguagesCannotBeChecked() {
        LanguageModel three = LanguageModel.fromBytes(TestModels.onlyLabels("en", "de", "fr"));
        assertThat(three.predict("Das Wetter ist heute sehr schön.", 1).language())
                .isEqualTo("de");
        assertThatThrownBy(() -> SmokeTest.check(three))
                .isInstanceOf(BadModelException.class)
                .hasMessageContaining("cannot be checked")
                .hasMessageContaining("knows 3 of");
    }

    @Test
    void aModelThatAnswersNonsenseFails() {
        assertThatThrownBy(() -> SmokeTest.check(LanguageModel.fromBytes(TestModels.wrongLabels())))
                .isInstanceOf(BadModelException.class)
                .hasMessageContaining("failed its smoke test");
    }
}
