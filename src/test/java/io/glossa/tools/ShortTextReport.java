package io.glossa.tools;

import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.model.LanguageModel;
import io.glossa.training.ScoreAccumulator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Developer tool (not a test): macro accuracy, ECE and per-label accuracy of a model on TSV files, plus the
 * top confusions. Usage: java -cp target/classes:target/test-classes:$(deps) io.glossa.tools.ShortTextReport MODEL FILE...
 * The official numbers come from {@code glossa evaluate}.
 */
public final class ShortTextReport {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        LanguageModel model = LanguageModel.load(Path.of(args[0]));
        System.out.printf(Locale.ROOT, "model %s loaded in %.3f s%n", model.version(), (System.nanoTime() - t0) / 1e9);
        for (int a = 1; a < args.length; a++) {
            report(model, Path.of(args[a]));
        }
    }

    private static void report(LanguageModel model, Path file) {
        List<LabeledText> texts = new TsvCorpusReader().readAll(file);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < model.labels().size(); i++) {
            index.put(model.labels().get(i), i);
        }
        ScoreAccumulator acc = new ScoreAccumulator(model.labels());
        Map<String, Integer> confusions = new TreeMap<>();
        LanguageModel.Scratch scratch = model.newScratch();
        float[] p = new float[model.labelCount()];
        long start = System.nanoTime();
        for (LabeledText t : texts) {
            Integer target = index.get(t.label());
            int predicted = model.classify(t.text(), p, scratch);
            int argmax = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[argmax]) {
                    argmax = k;
                }
            }
            if (target == null) {
                continue;
            }
            acc.add(target, predicted, p[argmax], argmax == target && scratch.letters() > 0);
            if (predicted != target) {
                String key = t.label() + "->"
                        + (predicted < 0 ? "unknown" : model.labels().get(predicted));
                confusions.merge(key, 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var s = acc.scores();
        System.out.printf(
                Locale.ROOT,
                "%s: macro %.4f micro %.4f ECE %.4f unknown %.2f%% n=%d (%.0f texts/s)%n",
                file.getFileName(),
                s.macroAccuracy(),
                s.microAccuracy(),
                s.ece(),
                100 * s.unknownRate(),
                s.n(),
                texts.size() / seconds);
        StringBuilder line = new StringBuilder("  per label:");
        s.perLabel().forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.3f", k, v)));
        System.out.println(line);
        StringBuilder conf = new StringBuilder("  top confusions:");
        confusions.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue())
                .limit(15)
                .forEach(e -> conf.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        System.out.println(conf);
    }
}
