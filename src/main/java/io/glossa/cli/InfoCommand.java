package io.glossa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.glossa.model.DevScores;
import io.glossa.model.LabelInfo;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelMetadata;
import io.glossa.model.ShortTextHead;
import io.glossa.model.TrainingFile;
import io.glossa.model.TrainingParams;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glossa info}: a model's metadata and provenance. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show a model's metadata and provenance (labels, parameters, training files, scores).")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LanguageModel loaded = model.load();
        PrintWriter out = spec.commandLine().getOut();
        ModelMetadata m = loaded.metadata();
        if (json) {
            out.println(new ObjectMapper()
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .writeValueAsString(m));
        } else {
            printText(out, m);
            out.printf(Locale.ROOT, "scoring here:     %s%n", loaded.scoringKernel());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, ModelMetadata m) {
        out.printf(Locale.ROOT, "version:          %s%n", m.version());
        out.printf(
                Locale.ROOT,
                "created:          %s by glossa %s (format %d)%n",
                m.createdAt(),
                m.glossaVersion(),
                m.formatVersion());
        out.printf(Locale.ROOT, "size:             %,d bytes%n", m.sizeBytes());
        out.printf(Locale.ROOT, "labels (%d):      %s%n", m.labels().size(), String.join(" ", m.labelCodes()));
        out.printf(
                Locale.ROOT,
                "features:         char %d-%d-grams + %s, 2^%d hashed buckets, tf-idf, L2%n",
                m.features().minN(),
                m.features().maxN(),
                m.features().wordFeatures() ? "words" : "no words",
                m.features().bits());
        TrainingParams t = m.training();
        out.printf(
                Locale.ROOT,
                "training:         %d epochs, learning rate %s, L2 %s, %d fragments of <= %d words per text"
                        + " (a whole text weighs %s), seed %d, dev fraction %s%n",
                t.epochs(),
                t.learningRate(),
                t.l2(),
                t.fragmentsPerText(),
                t.maxFragmentWords(),
                t.textWeight(),
                t.seed(),
                t.devFraction());
        out.printf(Locale.ROOT, "examples:         %,d in %.1f s%n", m.trainingExamples(), m.trainingSeconds());
        out.printf(
                Locale.ROOT,
                "cv score:         %s%n",
                m.cvScore() == null
                        ? "none (no search)"
                        : String.format(
                                Locale.ROOT,
                                "%.4f (%d trials, %d folds)",
                                m.cvScore(),
                                m.search().trials(),
                                m.search().folds()));
        out.printf(
                Locale.ROOT,
                "calibration:      temperature %.3f, unknown below p=%.4f or < %d letter(s)%n",
                m.temperature(),
                m.unknownThreshold(),
                m.minLetters());
        printScores(out, "dev", m.dev());
        printScores(out, "dev fragments", m.devFragments());
        printShortText(out, m.shortText());
        out.println("training files:");
        for (TrainingFile f : m.trainingFiles()) {
            out.printf(
                    Locale.ROOT,
                    "  %s  %,d lines (%,d used, %,d bad)  sha256 %s%n",
                    f.name(),
                    f.lines(),
                    f.usedLines(),
                    f.badLines(),
                    f.sha256());
        }
        out.println("languages:");
        for (LabelInfo l : m.labels()) {
            Double acc = m.dev() == null ? null : m.dev().perLabel().get(l.code());
            out.printf(
                    Locale.ROOT,
                    "  %-4s %-12s %-18s %s%n",
                    l.code(),
                    l.name(),
                    l.nativeName(),
                    acc == null ? "" : String.format(Locale.ROOT, "dev %.4f", acc));
        }
    }

    /** The short-text head in one line (train prints it too). */
    static void printShortText(PrintWriter out, ShortTextHead head) {
        if (head == null) {
            out.printf(Locale.ROOT, "%-18s none%n", "short-text head:");
            return;
        }
        StringBuilder choice = new StringBuilder();
        for (ShortTextHead.WordCountScore c : head.choice()) {
            choice.append(String.format(
                    Locale.ROOT, "; %d-word dev fragments %.4f (main %.4f)", c.words(), c.head(), c.main()));
        }
        out.printf(
                Locale.ROOT,
                "%-18s texts of <= %d word(s), %d one-word fragments per text, temperature %.3f%s%n",
                "short-text head:",
                head.maxWords(),
                head.training().fragmentsPerText(),
                head.temperature(),
                choice);
    }

    private static void printScores(PrintWriter out, String name, DevScores s) {
        if (s == null) {
            out.printf(Locale.ROOT, "%-18s none%n", name + ":");
            return;
        }
        out.printf(
                Locale.ROOT,
                "%-18s macro %.4f, micro %.4f, ECE %.4f, unknown %.2f%%, n=%,d%n",
                name + ":",
                s.macroAccuracy(),
                s.microAccuracy(),
                s.ece(),
                100 * s.unknownRate(),
                s.n());
    }
}
