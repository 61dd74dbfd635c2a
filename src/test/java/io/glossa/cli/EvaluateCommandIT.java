package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossa evaluate} through the packaged jar, on slices of ../shared/data with the default model. */
class EvaluateCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path pairs;
    static int pairCount;

    @BeforeAll
    static void slices() throws IOException {
        List<String> lines = TestFiles.slice("leipzig_word_pairs.tsv", 20);
        pairCount = lines.size();
        pairs = TestFiles.write(dir, "pairs.tsv", lines);
    }

    private static GlossaProcess glossa() {
        return new GlossaProcess(dir);
    }

    @Test
    void jsonHasTheContractFieldsAndConsistentNumbers() throws Exception {
        GlossaProcess.Result r = glossa().run("evaluate", "--data", pairs.toString(), "--json");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdoutLines()).hasSize(1);
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get("n").asInt()).isEqualTo(pairCount);
        assertThat(json.get("texts_per_second").asDouble()).isPositive();
        JsonNode perLabel = json.get("per_label");
        assertThat(perLabel.size()).isEqualTo(37);
        double sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = perLabel.properties().iterator(); it.hasNext(); ) {
            double accuracy = it.next().getValue().asDouble();
            assertThat(accuracy).isBetween(0.0, 1.0);
            sum += accuracy;
        }
        assertThat(json.get("macro_accuracy").asDouble()).isCloseTo(sum / 37, within(1e-9));
        assertThat(json.get("micro_accuracy").asDouble())
                .isCloseTo(json.get("correct").asDouble() / pairCount, within(1e-9));
        // a trained model on word pairs: far above chance (1/38), whatever the exact score
        assertThat(json.get("macro_accuracy").asDouble()).isGreaterThan(0.6);
        assertThat(json.get("ece").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("unknown").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(json.get("bad_lines").asInt()).isZero();
        assertThat(json.get("per_label_detail").get("sv").get("n").asInt()).isEqualTo(20);
        assertThat(json.get("confusion_matrix").get("counts").size()).isEqualTo(37);
        assertThat(json.get("calibration").get("reliability").size()).isEqualTo(10);
    }

    @Test
    void humanSummaryByDefault() throws Exception {
        GlossaProcess.Result r = glossa().run("evaluate", "--data", pairs.toString());

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("macro accuracy")
                .contains("micro accuracy")
                .contains("texts/s")
                .contains("Swedish");
    }

    @Test
    void reportIsWrittenWithTheHeatmap() throws Exception {
        Path report = dir.resolve("report.html");
        GlossaProcess.Result r =
                glossa().run("evaluate", "--data", pairs.toString(), "--json", "--report", report.toString());

        assertThat(r.exit()).as(r.stderr()).isZero();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<table class=\"heatmap\">")
                .contains("<svg class=\"reliability\"")
                .contains("Svenska")
                .doesNotContain("<script");
        assertThat(JSON.readTree(r.stdout()).get("report").asText()).isEqualTo(report.toString());
    }

    @Test
    void badLinesAreSkippedAndReportedAsFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(TestFiles.slice("leipzig_word_pairs.tsv", 10));
        lines.add(3, "sv no tab on this line");
        lines.add(7, "de\t");
        Path file = TestFiles.write(dir, "some-bad.tsv", lines);

        GlossaProcess.Result r = glossa().run("evaluate", "--data", file.toString(), "--json");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains(file + ":4: no tab").contains(file + ":8: empty text");
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get("bad_lines").asInt()).isEqualTo(2);
        assertThat(json.get("n").asInt()).isEqualTo(lines.size() - 2);
    }

    @Test
    void invalidUtf8LineIsReportedWithItsNumber() throws Exception {
        Path file = dir.resolve("latin1.tsv");
        List<String> good = TestFiles.slice("leipzig_word_pairs.tsv", 5);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String line : good.subList(0, 100)) {
            bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("sv\tv\u00e4rlden\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, bytes.toByteArray());

        GlossaProcess.Result r = glossa().run("evaluate", "--data", file.toString(), "--json");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains(file + ":101: invalid UTF-8");
    }

    @Test
    void tooManyBadLinesStopWithOneClearLine() throws Exception {
        List<String> lines = new ArrayList<>(TestFiles.slice("leipzig_word_pairs.tsv", 3));
        for (int i = 0; i < 50; i++) {
            lines.add("garbage without a tab " + i);
        }
        Path file = TestFiles.write(dir, "mostly-bad.tsv", lines);

        GlossaProcess.Result r = glossa().run("evaluate", "--data", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(lastLine(r))
                .startsWith("glossa evaluate: ")
                .contains(file.toString())
                .contains("bad");
        assertNoStackTrace(r);
    }

    @Test
    void missingDataFileIsOneClearLine() throws Exception {
        GlossaProcess.Result r =
                glossa().run("evaluate", "--data", dir.resolve("nope.tsv").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("glossa evaluate: file not found: " + dir.resolve("nope.tsv"));
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void missingDataOptionIsAUsageError() throws Exception {
        GlossaProcess.Result r = glossa().run("evaluate", "--json");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderrLines()).hasSize(2);
        assertThat(r.stderrLines().get(0)).startsWith("glossa evaluate: ").contains("--data");
    }

    @Test
    void missingModelFileIsOneClearLine() throws Exception {
        Path model = dir.resolve("no-such-model.glossa");
        GlossaProcess.Result r = glossa().run("evaluate", "--model", model.toString(), "--data", pairs.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("glossa evaluate: model file not found: " + model);
    }

    @Test
    void corruptedModelIsOneClearLineAndVerboseAddsTheStackTrace() throws Exception {
        byte[] bytes = TestFiles.defaultModelBytes();
        bytes[bytes.length / 2] ^= 0x5A;
        Path model = Files.write(dir.resolve("corrupted.glossa"), bytes);

        GlossaProcess.Result r = glossa().run("evaluate", "--model", model.toString(), "--data", pairs.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderr())
                .startsWith("glossa evaluate: ")
                .contains(model.toString())
                .contains("corrupt");
        GlossaProcess.Result verbose =
                glossa().run("evaluate", "--verbose", "--model", model.toString(), "--data", pairs.toString());
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.stderr()).contains("ModelFormatException").contains("\tat io.glossa.");
    }

    @Test
    void reportInAMissingFolderIsOneClearLine() throws Exception {
        Path report = dir.resolve("no/such/folder/report.html");
        GlossaProcess.Result r = glossa().run("evaluate", "--data", pairs.toString(), "--report", report.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderrLines())
                .containsExactly("glossa evaluate: cannot write the report " + report + ": its folder does not exist");
    }

    private static String lastLine(GlossaProcess.Result r) {
        List<String> lines = r.stderrLines();
        return lines.get(lines.size() - 1);
    }

    private static void assertNoStackTrace(GlossaProcess.Result r) {
        assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
