package io.glossa.cli;

import io.glossa.evaluation.Confusion;
import io.glossa.evaluation.EvaluationResult;
import io.glossa.evaluation.LabelScore;
import io.glossa.model.LanguageNames;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The human-readable output of {@code glossa evaluate}. */
final class EvaluationSummary {
    private final PrintWriter out;

    EvaluationSummary(PrintWriter out) {
        this.out = out;
    }

    void print(String dataName, EvaluationResult r, long badLines) {
        line(
                "data",
                "%s (%d texts, %d labels%s)",
                dataName,
                r.n(),
                r.perLabel().size(),
                badLines == 0 ? "" : ", " + badLines + " bad lines skipped");
        line("model", "%s", r.modelVersion());
        line("macro accuracy", "%.4f  (mean of per-label accuracies)", r.macroAccuracy());
        line("micro accuracy", "%.4f  (%d of %d right)", r.microAccuracy(), r.correct(), r.n());
        line("unknown", "%d  (%.2f%%, counted as wrong)", r.unknown(), 100.0 * r.unknown() / r.n());
        line(
                "calibration",
                "ECE %.4f over %d texts",
                r.calibration().ece(),
                r.calibration().n());
        line(
                "speed",
                "%,.0f texts/s  (%d threads, %.2f s)",
                r.throughput().textsPerSecond(),
                r.throughput().threads(),
                r.throughput().elapsedSeconds());
        out.println();
        out.printf(
                Locale.ROOT,
                "%-6s %-12s %6s %9s %8s  %s%n",
                "label",
                "name",
                "n",
                "accuracy",
                "unknown",
                "top confusions");
        for (LabelScore s : r.perLabel()) {
            out.printf(
                    Locale.ROOT,
                    "%-6s %-12s %6d %9.4f %8d  %s%n",
                    s.label(),
                    LanguageNames.english(s.label()),
                    s.n(),
                    s.accuracy(),
                    s.unknown(),
                    confusions(s));
        }
    }

    private void line(String name, String format, Object... args) {
        out.printf(Locale.ROOT, "%-15s %s%n", name, String.format(Locale.ROOT, format, args));
    }

    private static String confusions(LabelScore s) {
        return s.topConfusions().stream().map(EvaluationSummary::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Confusion c) {
        return c.predicted() + " " + c.count();
    }
}
