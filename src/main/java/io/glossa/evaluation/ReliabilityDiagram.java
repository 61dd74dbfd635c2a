package io.glossa.evaluation;

import java.util.Locale;

/**
 * The reliability diagram as inline SVG (accuracy per probability bin against the diagonal of perfect
 * calibration) followed by the same numbers as a table.
 */
final class ReliabilityDiagram {
    private static final int SIZE = 300;
    private static final int MARGIN = 40;

    private ReliabilityDiagram() {}

    static void render(Calibration calibration, StringBuilder out) {
        renderSvg(calibration, out);
        renderTable(calibration, out);
    }

    private static void renderSvg(Calibration calibration, StringBuilder out) {
        int full = SIZE + 2 * MARGIN;
        out.append(String.format(
                Locale.ROOT,
                "<svg class=\"reliability\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"reliability diagram\">\n",
                full,
                full,
                full,
                full));
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#999\"/>\n",
                MARGIN,
                MARGIN,
                SIZE,
                SIZE));
        for (ReliabilityBin bin : calibration.bins()) {
            if (bin.n() > 0) {
                renderBar(bin, out);
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n",
                MARGIN,
                MARGIN + SIZE,
                MARGIN + SIZE,
                MARGIN));
        renderAxes(out);
        out.append("</svg>\n");
    }

    private static void renderBar(ReliabilityBin bin, StringBuilder out) {
        double x = MARGIN + bin.lower() * SIZE;
        double width = (bin.upper() - bin.lower()) * SIZE;
        double height = bin.accuracy() * SIZE;
        double confidenceY = MARGIN + SIZE - bin.meanProbability() * SIZE;
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7fc1\" stroke=\"#fff\">"
                        + "<title>probability %.1f–%.1f: right %.1f%% of %d (mean probability %.3f)</title></rect>\n",
                x,
                MARGIN + SIZE - height,
                width,
                height,
                bin.lower(),
                bin.upper(),
                100 * bin.accuracy(),
                bin.n(),
                bin.meanProbability()));
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d9480f\" stroke-width=\"2\"/>\n",
                x + 2,
                confidenceY,
                x + width - 2,
                confidenceY));
    }

    private static void renderAxes(StringBuilder out) {
        for (int i = 0; i <= 10; i += 2) {
            double v = i / 10.0;
            int x = MARGIN + (int) Math.round(v * SIZE);
            int y = MARGIN + SIZE - (int) Math.round(v * SIZE);
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.1f</text>",
                    x,
                    MARGIN + SIZE + 15,
                    v));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%.1f</text>\n",
                    MARGIN - 5,
                    y + 4,
                    v));
        }
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">predicted probability</text>",
                MARGIN + SIZE / 2,
                MARGIN + SIZE + 32));
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"12\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 12 %d)\">share right</text>\n",
                MARGIN + SIZE / 2,
                MARGIN + SIZE / 2));
    }

    private static void renderTable(Calibration calibration, StringBuilder out) {
        out.append(
                "<table class=\"numbers\"><thead><tr><th>probability</th><th>n</th><th>mean probability</th>"
                        + "<th>share right</th><th>gap (probability − share right; &gt; 0: over-confident)</th></tr></thead><tbody>\n");
        for (ReliabilityBin bin : calibration.bins()) {
            out.append(
                    String.format(Locale.ROOT, "<tr><td>%.1f–%.1f</td><td>%d</td>", bin.lower(), bin.upper(), bin.n()));
            if (bin.n() == 0) {
                out.append("<td>–</td><td>–</td><td>–</td></tr>\n");
            } else {
                out.append(String.format(
                        Locale.ROOT,
                        "<td>%.3f</td><td>%.3f</td><td>%+.3f</td></tr>\n",
                        bin.meanProbability(),
                        bin.accuracy(),
                        bin.gap()));
            }
        }
        out.append("</tbody></table>\n");
    }
}
