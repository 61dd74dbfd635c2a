package io.glossa.tools;

import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.features.FeatureParams;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.TrainingParams;
import io.glossa.training.ModelTrainer;
import io.glossa.training.TrainedModel;
import io.glossa.training.TrainingCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Developer tool (not a test): trains on the four default training files with key=value overrides
 * (bits, maxN, words, epochs, lr, l2, frag, fragWords) and prints dev and Leipzig short-text scores.
 */
public final class Experiment {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            o.put(kv[0], kv[1]);
        }
        Path data = Path.of(o.getOrDefault("data", "../shared/data"));
        List<LabeledText> texts = new ArrayList<>();
        TsvCorpusReader reader = new TsvCorpusReader();
        for (String f : List.of("ud_sentences", "udhr", "leipzig_sentences", "waray_palito_news")) {
            reader.read(data.resolve(f + ".tsv"), texts::add);
        }
        FeatureParams fd = FeatureParams.DEFAULT;
        TrainingParams td = TrainingParams.DEFAULT;
        FeatureParams fp = new FeatureParams(
                i(o, "bits", fd.bits()),
                1,
                i(o, "maxN", fd.maxN()),
                Boolean.parseBoolean(o.getOrDefault("words", "" + fd.wordFeatures())));
        TrainingParams tp = new TrainingParams(
                i(o, "epochs", td.epochs()),
                d(o, "lr", td.learningRate()),
                d(o, "l2", td.l2()),
                i(o, "frag", td.fragmentsPerText()),
                i(o, "fragWords", td.maxFragmentWords()),
                td.seed(),
                td.devFraction(),
                d(o, "textWeight", td.textWeight()));
        System.out.println(fp + " " + tp);
        TrainedModel trained =
                new ModelTrainer(2, System.out::println).train(new TrainingCorpus(texts, List.of()), fp, tp, null);
        byte[] bytes = ModelFile.toBytes(trained.metadata(), trained.weights());
        LanguageModel model = LanguageModel.fromBytes(bytes);
        System.out.printf(
                "size %d bytes; %.1f s; dev %.4f frag %.4f%n",
                bytes.length,
                model.metadata().trainingSeconds(),
                model.metadata().dev().macroAccuracy(),
                model.metadata().devFragments().macroAccuracy());
        o.putIfAbsent("out", "/tmp/exp-last.glossa");
        {
            java.nio.file.Files.write(Path.of(o.get("out")), bytes);
        }
        ShortTextReport.main(new String[] {
            o.get("out"),
            data.resolve("leipzig_word_pairs.tsv").toString(),
            data.resolve("leipzig_single_words.tsv").toString()
        });
    }

    private static int i(Map<String, String> o, String k, int d) {
        return o.containsKey(k) ? Integer.parseInt(o.get(k)) : d;
    }

    private static double d(Map<String, String> o, String k, double d) {
        return o.containsKey(k) ? Double.parseDouble(o.get(k)) : d;
    }
}
