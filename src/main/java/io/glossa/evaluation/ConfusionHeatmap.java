package io.glossa.evaluation;

import static io.glossa.evaluation.HtmlEscaper.escape;

import java.util.Locale;

/**
 * The confusion matrix as an HTML table: one row per expected label, one column per answer, each cell
 * coloured by the row-normalised rate. Right answers (the diagonal) are blue, wrong ones red; wrong ones
 * use a square-root scale so that a 1% confusion is still visible next to a 95% diagonal.
 */
final class ConfusionHeatmap {
    private ConfusionHeatmap() {}

    static void render(ConfusionMatrix m, StringBuilder out) {
        out.append("<div class=\"heatmap-wrap\"><table class=\"heatmap\">\n<thead><tr>")
                .append("<th class=\"corner\">expected ↓ predicted →</th>");
        for (String column : m.columns()) {
            out.append("<th class=\"col\" scope=\"col\"><span>")
                    .append(escape(column))
                    .append("</span></th>");
        }
        out.append("<th class=\"col\" scope=\"col\"><span>n</span></th></tr></thead>\n<tbody>\n");
        for (int r = 0; r < m.rows().size(); r++) {
            renderRow(m, r, out);
        }
        out.append("</tbody></table></div>\n");
    }

    private static void renderRow(ConfusionMatrix m, int r, StringBuilder out) {
        String expected = m.rows().get(r);
        out.append("<tr><th scope=\"row\">").append(escape(expected)).append("</th>");
        for (int c = 0; c < m.columns().size(); c++) {
            String predicted = m.columns().get(c);
            double rate = m.rate(r, c);
            int count = m.count(r, c);
            out.append("<td style=\"")
                    .append(cellStyle(rate, expected.equals(predicted)))
                    .append("\" title=\"")
                    .append(escape("expected " + expected + ", predicted " + predicted + ": " + count + " of "
                            + m.rowTotal(r) + String.format(Locale.ROOT, " (%.1f%%)", 100 * rate)))
                    .append("\">")
                    .append(cellText(count, rate))
                    .append("</td>");
        }
        out.append("<td class=\"total\">").append(m.rowTotal(r)).append("</td></tr>\n");
    }

    private static String cellText(int count, double rate) {
        if (count == 0) {
            return "";
        }
        long percent = Math.round(100 * rate);
        return percent == 0 ? "·" : Long.toString(percent);
    }

    /** Lightness falls with the rate; text turns white once the cell is dark enough to need it. */
    static String cellStyle(double rate, boolean diagonal) {
        if (rate <= 0) {
            return "background:#fff";
        }
        double intensity = diagonal ? rate : Math.sqrt(rate);
        double lightness = 97 - 57 * intensity;
        int hue = diagonal ? 212 : 4;
        String text = lightness < 60 ? "#fff" : "#222";
        return String.format(Locale.ROOT, "background:hsl(%d,70%%,%.0f%%);color:%s", hue, lightness, text);
    }
}
