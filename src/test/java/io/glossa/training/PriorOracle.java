package io.glossa.training;

import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.model.LanguageModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Developer tool (not a test), for one measurement only: how far class priors alone could lift a model on a file,
 * fitted on that very file (an oracle; never use its offsets). A model's texts of one word score only through the
 * short-text head, so run it on a model without one. Usage: java -cp
 * target/classes:target/test-classes:$(deps) io.glossa.training.PriorOracle MODEL FILE
 */
public final class PriorOracle {
    private PriorOracle() {}

    public static void main(String[] args) {
        LanguageModel model = LanguageModel.load(Path.of(args[0]));
        List<LabeledText> texts = new TsvCorpusReader()
                .readAll(Path.of(args[1])).stream()
                        .filter(t -> model.labels().contains(t.label()))
                        .toList();
        DevSet set = DevSet.of(
                        model,
                        texts.stream().map(LabeledText::text).toList(),
                        texts.stream()
                                .mapToInt(t -> model.labels().indexOf(t.label()))
                                .toArray())
                .scorable();
        double before = macro(set, model);
        set.shift(PriorFit.fit(new DevSet[] {set}, model.labelCount()));
        System.out.printf(
                Locale.ROOT,
                "macro accuracy %.4f, with priors fitted on the file itself %.4f%n",
                before,
                macro(set, model));
    }

    private static double macro(DevSet set, LanguageModel model) {
        return set.score(model.labels(), model.metadata().temperature(), 0).macroAccuracy();
    }
}
