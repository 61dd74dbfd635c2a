package io.glossa.evaluation;

import static io.glossa.evaluation.HtmlEscaper.escape;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page (inline CSS, no scripts, nothing fetched) with the summary, the per-label
 * table, the confusion-matrix heatmap and the reliability diagram of an evaluation. Every string that
 * comes from data, model or user is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222}
            h1{font-size:20px}h2{font-size:17px;margin-top:32px}
            dl.summary{display:grid;grid-template-columns:max-content auto;gap:4px 16px}
            dl.summary dt{font-weight:600}dl.summary dd{margin:0}
            table.numbers{border-collapse:collapse}table.numbers td,table.numbers th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}
            table.numbers td.label,table.numbers th.label{text-align:left}
            .bar{display:inline-block;height:9px;background:#4a7fc1;vertical-align:middle;margin-right:6px}
            .heatmap-wrap{overflow-x:auto}
            table.heatmap{border-collapse:collapse;font-size:10px}
            table.heatmap td{width:22px;min-width:22px;height:20px;text-align:center;border:1px solid #eee;padding:0}
            table.heatmap th{font-weight:600;padding:0 4px}
            table.heatmap tbody th{text-align:right}
            table.heatmap th.col{vertical-align:bottom;height:56px}
            table.heatmap th.col span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
            table.heatmap th.corner{font-weight:400;color:#666;text-align:left;vertical-align:bottom}
            table.heatmap td.total{color:#666;text-align:right;padding-right:4px;width:auto}
            .legend span{display:inline-block;width:22px;text-align:center;font-size:10px}
            .muted{color:#666}
            """;

    private HtmlReport() {}

    public static String render(EvaluationResult result, ReportContext context) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>glossa evaluation — ")
                .append(escape(context.dataSource()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>glossa evaluation of model <code>")
                .append(escape(result.modelVersion()))
                .append("</code> on <code>")
                .append(escape(context.dataSource()))
                .append("</code></h1>\n");
        renderSummary(result, context, out);
        out.append("<h2>Per label</h2>\n");
        renderPerLabel(result, context, out);
        out.append("<h2>Confusion matrix</h2>\n<p class=\"muted\">Rows: expected label. Columns: the answer. "
                + "Cells: share of the row's texts, in percent (· under 0.5%); hover for counts. "
                + "Blue: right; red: wrong (square-root scale, so small confusions stay visible).</p>\n");
        renderLegend(out);
        ConfusionHeatmap.render(result.confusion(), out);
        out.append(
                        "<h2>Calibration</h2>\n<p class=\"muted\">Texts grouped by the probability of the model's best "
                                + "candidate. Bars: share right; orange marks: mean probability; dashed line: perfect calibration. ")
                .append(String.format(
                        Locale.ROOT,
                        "ECE = %.4f over %d texts.</p>\n",
                        result.calibration().ece(),
                        result.calibration().n()));
        ReliabilityDiagram.render(result.calibration(), out);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void renderSummary(EvaluationResult r, ReportContext context, StringBuilder out) {
        out.append("<dl class=\"summary\">\n");
        item(out, "texts", Integer.toString(r.n()));
        item(out, "labels", Integer.toString(r.perLabel().size()));
        item(out, "macro accuracy", pct(r.macroAccuracy()) + " (mean of per-label accuracies)");
        item(out, "micro accuracy", pct(r.microAccuracy()) + " (" + r.correct() + " of " + r.n() + " right)");
        item(out, "unknown answers", r.unknown() + " (counted as wrong)");
        item(
                out,
                "expected calibration error",
                String.format(Locale.ROOT, "%.4f", r.calibration().ece()));
        item(
                out,
                "speed",
                String.format(
                        Locale.ROOT,
                        "%,.0f texts/s on %d thread(s), %.2f s",
                        r.throughput().textsPerSecond(),
                        r.throughput().threads(),
                        r.throughput().elapsedSeconds()));
        item(out, "created", context.createdAt().toString());
        out.append("</dl>\n");
    }

    private static void item(StringBuilder out, String term, String value) {
        out.append("<dt>")
                .append(escape(term))
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd>\n");
    }

    private static void renderPerLabel(EvaluationResult r, ReportContext context, StringBuilder out) {
        out.append("<table class=\"numbers\"><thead><tr><th class=\"label\">label</th><th class=\"label\">name</th>"
                + "<th>n</th><th class=\"label\">accuracy</th><th>unknown</th><th class=\"label\">top confusions</th>"
                + "</tr></thead><tbody>\n");
        for (LabelScore s : r.perLabel()) {
            out.append("<tr><td class=\"label\">")
                    .append(escape(s.label()))
                    .append("</td><td class=\"label\">")
                    .append(escape(context.nameOf(s.label())))
                    .append("</td><td>")
                    .append(s.n())
                    .append("</td><td class=\"label\">")
                    .append(String.format(
                            Locale.ROOT, "<span class=\"bar\" style=\"width:%.0fpx\"></span>", 100 * s.accuracy()))
                    .append(escape(pct(s.accuracy())))
                    .append("</td><td>")
                    .append(s.unknown())
                    .append("</td><td class=\"label\">")
                    .append(escape(confusions(s)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String confusions(LabelScore s) {
        return s.topConfusions().stream()
                .map(c -> c.predicted() + " " + c.count())
                .collect(Collectors.joining(", "));
    }

    private static void renderLegend(StringBuilder out) {
        out.append("<p class=\"legend\">right: ");
        for (double rate : new double[] {0.2, 0.5, 0.8, 1.0}) {
            legendCell(out, rate, true);
        }
        out.append(" &nbsp; wrong: ");
        for (double rate : new double[] {0.01, 0.05, 0.2, 0.5}) {
            legendCell(out, rate, false);
        }
        out.append("</p>\n");
    }

    private static void legendCell(StringBuilder out, double rate, boolean diagonal) {
        out.append("<span style=\"")
                .append(ConfusionHeatmap.cellStyle(rate, diagonal))
                .append("\">")
                .append(Math.round(100 * rate))
                .append("</span>");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
