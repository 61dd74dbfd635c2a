package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossa predict} through the packaged jar with the default model. */
class PredictCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GlossaProcess glossa() {
        return new GlossaProcess(dir);
    }

    private static List<JsonNode> json(GlossaProcess.Result r) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.stdoutLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void predictsEachArgumentAsOneJsonLine() throws Exception {
        GlossaProcess.Result r = glossa().run(
                        "predict",
                        "Det här är en mening på svenska om vädret i Stockholm",
                        "Das ist ein ganz normaler Satz auf Deutsch über das Wetter");

        assertThat(r.exit()).as(r.stderr()).isZero();
        List<JsonNode> out = json(r);
        assertThat(out).hasSize(2);
        JsonNode sv = out.get(0);
        assertThat(sv.get("language").asText()).isEqualTo("sv");
        assertThat(sv.get("name").asText()).isEqualTo("Swedish");
        assertThat(sv.get("native").asText()).isEqualTo("Svenska");
        assertThat(sv.get("probability").asDouble()).isBetween(0.5, 1.0);
        assertThat(sv.get("top")).hasSize(3);
        assertThat(sv.get("top").get(0).get("language").asText()).isEqualTo("sv");
        assertThat(out.get(1).get("language").asText()).isEqualTo("de");
    }

    @Test
    void topKSetsTheNumberOfCandidatesBestFirst() throws Exception {
        GlossaProcess.Result r = glossa().run("predict", "--top", "5", "Dobar dan, kako ste danas");

        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode top = json(r).get(0).get("top");
        assertThat(top).hasSize(5);
        double sum = 0;
        for (int i = 0; i < top.size(); i++) {
            sum += top.get(i).get("probability").asDouble();
            if (i > 0) {
                assertThat(top.get(i).get("probability").asDouble())
                        .isLessThanOrEqualTo(top.get(i - 1).get("probability").asDouble());
            }
        }
        assertThat(sum).isLessThanOrEqualTo(1.0005);
    }

    /**
     * 20,000 real sentences of four languages in a fixed rotation, with an empty line every 1,000 lines:
     * one answer per line, in order (the empty lines land exactly where they were), mostly right.
     */
    @Test
    void stdinManyLinesKeepOrderAndAlignment() throws Exception {
        String[] languages = {"sv", "de", "fi", "pt"};
        List<List<String>> byLanguage = new ArrayList<>();
        for (String language : languages) {
            byLanguage.add(TestFiles.slice("leipzig_sentences.tsv", 1000).stream()
                    .filter(l -> l.startsWith(language + "\t"))
                    .map(l -> l.substring(l.indexOf('\t') + 1))
                    .toList());
        }
        StringBuilder in = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (i % 1000 == 999) {
                in.append('\n');
                expected.add("unknown");
            } else {
                int k = i % languages.length;
                in.append(byLanguage
                                .get(k)
                                .get((i / languages.length) % byLanguage.get(k).size()))
                        .append('\n');
                expected.add(languages[k]);
            }
        }

        GlossaProcess.Result r = glossa().run(in.toString().getBytes(StandardCharsets.UTF_8), "predict", "--top", "1");

        assertThat(r.exit()).as(r.stderr()).isZero();
        List<JsonNode> out = json(r);
        assertThat(out).hasSize(20_000);
        int right = 0;
        for (int i = 0; i < out.size(); i++) {
            String language = out.get(i).get("language").asText();
            if (expected.get(i).equals("unknown")) {
                assertThat(language).as("line %d", i + 1).isEqualTo("unknown");
            }
            right += language.equals(expected.get(i)) ? 1 : 0;
        }
        assertThat(right).isGreaterThan(19_000);
    }

    /**
     * Streaming in constant memory: 400,000 lines (about 100 MB of JSON out) through a 64 MB heap, too small to
     * hold the answers next to the model (12 MB) if anything accumulated them. (Loading the model peaks at about
     * 45–48 MB, so a smaller heap would test the loader, not the stream.)
     */
    @Test
    void streamsManyLinesInASmallHeap() throws Exception {
        List<String> pairs = TestFiles.slice("leipzig_word_pairs.tsv", 1000).stream()
                .map(l -> l.substring(l.indexOf('\t') + 1))
                .toList();
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int i = 0; i < 400_000; i++) {
            in.writeBytes((pairs.get(i % pairs.size()) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        GlossaProcess.Result r = glossa().jvmOption("-Xmx64m").run(in.toByteArray(), "predict", "--top", "2");

        assertThat(r.exit()).as(r.stderr()).isZero();
        List<String> lines = r.stdoutLines();
        assertThat(lines).hasSize(400_000);
        assertThat(JSON.readTree(lines.get(399_999)).get("top")).hasSize(2);
    }

    /** Like {@code glossa predict < big.txt | head -1}: the reader goes away, glossa stops quietly. */
    @Test
    void readerStoppingEarlyEndsQuietlyWithStatus141() throws Exception {
        Path input = dir.resolve("many.txt");
        Files.write(input, java.util.Collections.nCopies(200_000, "Det här är en mening på svenska"));
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        GlossaProcess.jar().toAbsolutePath().toString(),
                        "predict")
                .redirectInput(input.toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        try (java.io.BufferedReader out =
                new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(JSON.readTree(out.readLine()).get("language").asText()).isEqualTo("sv");
        } // closes the pipe, as head does
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(141);
        assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
    }

    @Test
    void invalidUtf8OnStdinGetsAnErrorObjectInPlaceAndExitStatusOne() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("Det här är svenska\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("Det h\u00e4r \u00e4r Latin-1\n".getBytes(StandardCharsets.ISO_8859_1));
        in.writeBytes("Das ist Deutsch und gut\n".getBytes(StandardCharsets.UTF_8));

        GlossaProcess.Result r = glossa().run(in.toByteArray(), "predict");

        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> out = json(r);
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("language").asText()).isEqualTo("sv");
        assertThat(out.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(out.get(1).get("error").asText()).isEqualTo("invalid UTF-8 at byte 6");
        assertThat(out.get(2).get("language").asText()).isEqualTo("de");
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderr()).contains("line 2").contains("invalid UTF-8");
    }

    @Test
    void topZeroOrNegativeOrNotANumberIsAUsageError() throws Exception {
        for (String bad : new String[] {"0", "-3"}) {
            GlossaProcess.Result r = glossa().run("predict", "--top", bad, "hello world");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.stderrLines())
                    .containsExactly(
                            "glossa predict: --top must be at least 1, got " + bad,
                            "Try 'glossa predict --help' for more information.");
            assertThat(r.stdout()).isEmpty();
        }
        GlossaProcess.Result r = glossa().run("predict", "--top", "many", "hello world");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderrLines()).hasSize(2);
        assertThat(r.stderrLines().get(0))
                .startsWith("glossa predict: ")
                .contains("--top")
                .contains("many");
    }

    @Test
    void tooSmallAHeapIsOneClearLineNotAStackTrace() throws Exception {
        GlossaProcess.Result r = glossa().jvmOption("-Xmx24m").run(new byte[0], "predict", "Hej");

        assertThat(r.exit()).isEqualTo(70);
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderrLines().get(0)).startsWith("glossa: out of memory").contains("-Xmx");
    }

    @Test
    void missingModelFileIsOneClearLine() throws Exception {
        Path model = dir.resolve("missing.glossa");
        GlossaProcess.Result r = glossa().run("predict", "--model", model.toString(), "hello");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("glossa predict: model file not found: " + model);
    }

    @Test
    void truncatedOrForeignModelFileIsOneClearLine() throws Exception {
        byte[] bytes = TestFiles.defaultModelBytes();
        Path truncated = Files.write(dir.resolve("truncated.glossa"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path foreign = Files.writeString(dir.resolve("notes.glossa"), "these are my notes, not a model\n");

        for (Path model : List.of(truncated, foreign)) {
            GlossaProcess.Result r = glossa().run("predict", "--model", model.toString(), "hello");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.stderrLines()).hasSize(1);
            assertThat(r.stderr())
                    .startsWith("glossa predict: ")
                    .contains(model.toString())
                    .doesNotContain("Exception");
        }
    }

    @Test
    void explicitModelFileGivesTheSameAnswersAsTheDefault() throws Exception {
        Path model = Files.write(dir.resolve("copy.glossa"), TestFiles.defaultModelBytes());
        String text = "Questa è una frase italiana abbastanza normale";

        GlossaProcess.Result viaDefault = glossa().run("predict", text);
        GlossaProcess.Result viaFile = glossa().run("predict", "--model", model.toString(), text);

        assertThat(viaFile.exit()).as(viaFile.stderr()).isZero();
        assertThat(viaFile.stdout()).isEqualTo(viaDefault.stdout());
        assertThat(json(viaFile).get(0).get("language").asText()).isEqualTo("it");
    }
}
