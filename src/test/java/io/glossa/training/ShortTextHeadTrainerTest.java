package io.glossa.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.features.FeatureParams;
import io.glossa.model.LanguageModel;
import io.glossa.model.ShortTextHead;
import io.glossa.model.TrainingParams;
import io.glossa.testing.SyntheticCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShortTextHeadTrainerTest {
    private static final TrainingCorpus CORPUS = new TrainingCorpus(SyntheticCorpus.overlapping(300, 7), List.of());
    private static TrainedModel main;
    private static TrainedModel attached;
    private static List<String> progress;

    @BeforeAll
    static void train() {
        main = new ModelTrainer(1, null)
                .train(
                        CORPUS,
                        new FeatureParams(12, 1, 3, true),
                        new TrainingParams(3, 0.3, 1e-6, 1, 2, 1, 0.2, 1),
                        null);
        progress = new ArrayList<>();
        attached = new ShortTextHeadTrainer(1, progress::add).attach(CORPUS, main, 6);
    }

    @Test
    void theHeadIsFittedOnOneWordFragmentsOverTheMainFeaturesAndIdf() {
        ShortTextHead head = attached.metadata().shortText();

        assertThat(head).isNotNull();
        assertThat(head.training().fragmentsPerText()).isEqualTo(6);
        assertThat(head.training().maxFragmentWords()).isEqualTo(1);
        assertThat(head.training().seed()).isEqualTo(main.metadata().training().seed());
        assertThat(attached.shortText().idf()).isEqualTo(main.weights().idf());
        assertThat(attached.weights()).isSameAs(main.weights());
        assertThat(attached.metadata().features()).isEqualTo(main.metadata().features());
        assertThat(head.devFragments().n()).isPositive();
    }

    @Test
    void itTakesTheMostWordsAtWhichItBeatsTheMainWeightsAtEveryLengthUpToThem() {
        List<ShortTextHead.WordCountScore> choice =
                attached.metadata().shortText().choice();
        int maxWords = attached.metadata().shortText().maxWords();

        assertThat(choice).extracting(ShortTextHead.WordCountScore::words).containsExactly(1, 2, 3);
        for (int i = 0; i < maxWords; i++) {
            assertThat(choice.get(i).head())
                    .as("%s", choice.get(i))
                    .isGreaterThan(choice.get(i).main());
        }
        if (maxWords < ShortTextHead.MAX_WORDS) {
            assertThat(choice.get(maxWords).head())
                    .isLessThanOrEqualTo(choice.get(maxWords).main());
        }
        assertThat(progress).anyMatch(line -> line.startsWith("short-text head: 1-word dev fragments (n="));
    }

    @Test
    void oneWordTextsGetTheHeadsAnswerAndLongerOnesTheMainOne() {
        LanguageModel model = attached.toLanguageModel();
        LanguageModel mainOnly = main.toLanguageModel();
        LanguageModel headOnly = new ModelTrainer(1, null)
                .train(
                        CORPUS,
                        main.metadata().features(),
                        attached.metadata().shortText().training(),
                        null)
                .toLanguageModel();
        for (String text : new String[] {"kakiko", "lelisve", "mamuze", "turanka"}) {
            assertThat(model.predict(text, 3)).isEqualTo(headOnly.predict(text, 3));
        }
        for (String text : new String[] {"kakiko turan ki lo", "lelisve nor sve le", "mamuze xopet ma mu"}) {
            assertThat(model.predict(text, 3)).isEqualTo(mainOnly.predict(text, 3));
        }
    }
}
