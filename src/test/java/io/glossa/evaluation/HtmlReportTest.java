package io.glossa.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.corpus.LabeledText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final String EVIL = "<script>alert('x')</script>&\"";

    @Test
    void escapesTheFiveHtmlCharacters() {
        assertThat(HtmlEscaper.escape("a<b>&\"'c")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;c");
        assertThat(HtmlEscaper.escape(null)).isEmpty();
        assertThat(HtmlEscaper.escape("Svenska — ok")).isEqualTo("Svenska — ok");
    }

    @Test
    void everyStringFromDataModelAndUserIsEscaped() {
        ScriptedClassifier c = new ScriptedClassifier().answer("t1", EVIL, 0.9).answer("t2", "a", 0.8);
        EvaluationResult r =
                new Evaluator(1).evaluate(c, List.of(new LabeledText(EVIL, "t1"), new LabeledText("a", "t2")));
        String html = HtmlReport.render(r, new ReportContext(EVIL + ".tsv", Instant.EPOCH, Map.of("a", EVIL)));

        assertThat(html).doesNotContain("<script>").doesNotContain("alert('x')");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
    }

    @Test
    void isSelfContainedWithHeatmapSummaryAndReliabilityDiagram() {
        ScriptedClassifier c = new ScriptedClassifier()
                .answer("t1", "sv", 0.9)
                .answer("t2", "no", 0.6)
                .answer("t3", "no", 0.7);
        List<LabeledText> data =
                List.of(new LabeledText("sv", "t1"), new LabeledText("sv", "t2"), new LabeledText("no", "t3"));
        String html = HtmlReport.render(
                new Evaluator(1).evaluate(c, data),
                new ReportContext("pairs.tsv", Instant.EPOCH, Map.of("sv", "Swedish — Svenska")));

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<meta charset=\"utf-8\">")
                .contains("<style>");
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("<link");
        assertThat(html).contains("class=\"heatmap\"").contains("<svg class=\"reliability\"");
        assertThat(html).contains("macro accuracy").contains("75.00%").contains("Swedish — Svenska");
        // sv row: 1 of 2 right (50%, blue), 1 taken for no (50%, red); the tooltip carries the count
        assertThat(html).contains("title=\"expected sv, predicted no: 1 of 2 (50.0%)\"");
        assertThat(html)
                .contains(ConfusionHeatmap.cellStyle(0.5, true))
                .contains(ConfusionHeatmap.cellStyle(0.5, false));
    }

    @Test
    void cellColourDarkensWithTheRateAndSeparatesRightFromWrong() {
        assertThat(ConfusionHeatmap.cellStyle(0.0, false)).isEqualTo("background:#fff");
        assertThat(ConfusionHeatmap.cellStyle(1.0, true))
                .startsWith("background:hsl(212,70%,40%)")
                .endsWith("#fff");
        assertThat(ConfusionHeatmap.cellStyle(0.01, false)).startsWith("background:hsl(4,70%,91%)");
    }
}
