package io.glossa.testing;

import io.glossa.corpus.LabeledText;
import io.glossa.features.FeatureParams;
import io.glossa.model.TrainingParams;
import io.glossa.training.ModelTrainer;
import io.glossa.training.TrainedModel;
import io.glossa.training.TrainingCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three made-up "languages" built from different syllables, so unit tests can train a real (tiny) model in well
 * under a second without the shared data.
 */
public final class SyntheticCorpus {
    public static final Map<String, String[]> SYLLABLES = Map.of(
            "aa", new String[] {"ka", "ki", "ko", "tu", "ran"},
            "bb", new String[] {"le", "li", "lo", "sve", "nor"},
            "cc", new String[] {"ma", "mu", "ze", "xo", "pet"});

    private SyntheticCorpus() {}

    public static List<LabeledText> texts(int perLabel, long seed) {
        return texts(SYLLABLES, perLabel, seed);
    }

    private static List<LabeledText> texts(Map<String, String[]> syllables, int perLabel, long seed) {
        Random random = new Random(seed);
        List<LabeledText> out = new ArrayList<>();
        for (String label : List.of("aa", "bb", "cc")) {
            for (int i = 0; i < perLabel; i++) {
                out.add(new LabeledText(label, sentence(syllables.get(label), random)));
            }
        }
        return out;
    }

    /**
     * Languages that share some syllables, so that a single word is often ambiguous: where fitting on one-word
     * fragments pays (the short-text head).
     */
    public static List<LabeledText> overlapping(int perLabel, long seed) {
        return texts(
                Map.of(
                        "aa", new String[] {"ka", "ki", "ko", "tu", "ran", "le", "ma"},
                        "bb", new String[] {"le", "li", "lo", "ka", "nor", "tu", "ze"},
                        "cc", new String[] {"ma", "mu", "ze", "xo", "pet", "ki", "lo"}),
                perLabel,
                seed);
    }

    public static String sentence(String[] syllables, Random random) {
        StringBuilder sb = new StringBuilder();
        int words = 3 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            int n = 1 + random.nextInt(3);
            for (int s = 0; s < n; s++) {
                sb.append(syllables[random.nextInt(syllables.length)]);
            }
        }
        return sb.toString();
    }

    public static TrainedModel train() {
        return new ModelTrainer(1, null)
                .train(
                        new TrainingCorpus(texts(200, 7), List.of()),
                        new FeatureParams(12, 1, 3, true),
                        new TrainingParams(3, 0.3, 1e-6, 1, 2, 1, 0.2, 1),
                        null);
    }

    public static String toTsv(List<LabeledText> texts) {
        StringBuilder sb = new StringBuilder();
        for (LabeledText t : texts) {
            sb.append(t.label()).append('\t').append(t.text()).append('\n');
        }
        return sb.toString();
    }
}
