package io.glossa.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.features.FeatureParams;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.Prediction;
import io.glossa.model.TrainingParams;
import io.glossa.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trains a small model on a slice of ../shared/data (the first 400 lines per language of the training files) and
 * checks it on held-out lines of the same files that the slice did not include.
 */
class ModelTrainingIT {
    @Test
    void smallModelRecognisesHeldOutSentences() {
        Path data = SharedData.dir();
        List<LabeledText> slice = new ArrayList<>();
        List<LabeledText> heldOut = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        TsvCorpusReader reader = new TsvCorpusReader();
        for (String file : List.of("ud_sentences.tsv", "leipzig_sentences.tsv", "udhr.tsv", "waray_palito_news.tsv")) {
            reader.read(data.resolve(file), t -> {
                int n = seen.merge(t.label(), 1, Integer::sum);
                if (n <= 400) {
                    slice.add(t);
                } else if (n % 10 == 0) {
                    heldOut.add(t);
                }
            });
        }
        TrainedModel trained = new ModelTrainer(2, null)
                .train(
                        new TrainingCorpus(slice, List.of()),
                        new FeatureParams(16, 1, 4, true),
                        new TrainingParams(3, 0.2, 1e-6, 2, 3, 42, 0.1, 1),
                        null);
        LanguageModel model = LanguageModel.fromBytes(ModelFile.toBytes(trained.metadata(), trained.weights()));
        assertThat(model.labels()).hasSize(38);
        Map<String, int[]> perLabel = new HashMap<>();
        for (LabeledText t : heldOut) {
            Prediction p = model.predict(t.text(), 1);
            int[] c = perLabel.computeIfAbsent(t.label(), k -> new int[2]);
            c[0]++;
            if (p.language().equals(t.label())) {
                c[1]++;
            }
        }
        double macro = perLabel.values().stream()
                .mapToDouble(c -> (double) c[1] / c[0])
                .average()
                .orElse(0);
        assertThat(heldOut).hasSizeGreaterThan(5000);
        assertThat(macro).isGreaterThan(0.93);
        assertThat(model.metadata().dev().macroAccuracy()).isGreaterThan(0.9);
        assertThat(model.predict("Det här är en svensk mening om vädret.", 1).language())
                .isEqualTo("sv");
    }
}
