package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainInfoCommandTest {
    private static final String[] FAST = {
        "--bits", "12", "--max-n", "3", "--fragments", "1", "--epochs", "2", "--threads", "1", "--text-weight", "2"
    };

    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static CliRun trained;

    @BeforeAll
    static void train() throws Exception {
        data = dir.resolve("train.tsv");
        Files.writeString(data, SyntheticCorpus.toTsv(SyntheticCorpus.texts(200, 3)));
        model = dir.resolve("out/m.glossa");
        trained = CliRun.of(concat(new String[] {"train", "--data", data.toString(), "--out", model.toString()}, FAST));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void trainWritesAModelAndPrintsDevScores() {
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(model).isRegularFile();
        assertThat(trained.out()).contains("wrote " + model).contains("dev: macro accuracy");
        assertThat(trained.err()).contains("read " + data).contains("epoch 2/2");
    }

    @Test
    void infoPrintsProvenance() {
        CliRun info = CliRun.of("info", "--model", model.toString());
        assertThat(info.exitCode()).isZero();
        assertThat(info.out())
                .contains("version:")
                .contains("labels (3):")
                .contains("train.tsv")
                .contains("1 fragments of <= 3 words per text (a whole text weighs 2.0)")
                .contains("cv score:         none (no search)")
                .contains("short-text head:   none")
                // unit tests run with the Vector API module (pom.xml); a plain java -jar says "scalar"
                .containsPattern("scoring here: +(vector \\(jdk.incubator.vector, \\d+-bit\\)|scalar)");
    }

    @Test
    void infoJsonHasTheContractFields() throws Exception {
        CliRun info = CliRun.of("info", "--model", model.toString(), "--json");
        assertThat(info.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertThat(json.get("size_bytes").asLong()).isEqualTo(Files.size(model));
        assertThat(json.get("labels")).hasSize(3);
        assertThat(json.get("labels").get(0).get("code").asText()).isEqualTo("aa");
        assertThat(json.has("cv_score")).isTrue();
        assertThat(json.get("cv_score").isNull()).isTrue();
        assertThat(json.get("version").asText()).matches("\\d{4}-\\d{2}-\\d{2}\\.[0-9a-f]{8}");
        assertThat(json.get("training_files").get(0).get("sha256").asText()).hasSize(64);
        assertThat(json.get("dev").get("macro_accuracy").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void aShortTextHeadIsFittedOnRequestAndDescribed() throws Exception {
        Path overlapping = dir.resolve("overlapping.tsv");
        Files.writeString(overlapping, SyntheticCorpus.toTsv(SyntheticCorpus.overlapping(300, 7)));
        Path headed = dir.resolve("headed.glossa");
        // as ShortTextHeadTrainerTest: on these languages a head fitted on one-word fragments reads single words better
        CliRun run = CliRun.of(
                "train",
                "--data",
                overlapping.toString(),
                "--out",
                headed.toString(),
                "--short-text-fragments",
                "6",
                "--bits",
                "12",
                "--max-n",
                "3",
                "--fragments",
                "1",
                "--max-fragment-words",
                "2",
                "--epochs",
                "3",
                "--learning-rate",
                "0.3",
                "--seed",
                "1",
                "--dev-fraction",
                "0.2",
                "--threads",
                "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("short-text head: 6 one-word fragments per text");
        assertThat(run.err()).contains("short-text head: 1-word dev fragments (n=");
        JsonNode head = new ObjectMapper()
                .readTree(CliRun.of("info", "--model", headed.toString(), "--json")
                        .out())
                .get("short_text");
        assertThat(head.get("training").get("fragments_per_text").asInt()).isEqualTo(6);
        assertThat(head.get("training").get("max_fragment_words").asInt()).isEqualTo(1);
        assertThat(head.get("choice")).hasSize(3);
        assertThat(head.get("max_words").asInt()).isBetween(1, 3);
        assertThat(run.out())
                .contains("short-text head:   texts of <= "
                        + head.get("max_words").asInt() + " word(s)");
        assertThat(CliRun.of("info", "--model", headed.toString()).out())
                .contains("6 one-word fragments per text")
                .contains("1-word dev fragments");
    }

    @Test
    void infoWithoutModelDescribesTheBuiltInModel() throws Exception {
        CliRun info = CliRun.of("info", "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(new ObjectMapper().readTree(info.out()).get("labels")).hasSize(38);
    }

    @Test
    void searchPrintsTrialsAndStoresTheCvScore() throws Exception {
        Path searched = dir.resolve("searched.glossa");
        CliRun run = CliRun.of(concat(
                new String[] {
                    "train",
                    "--data",
                    data.toString(),
                    "--out",
                    searched.toString(),
                    "--search",
                    "2",
                    "--folds",
                    "2",
                    "--seed",
                    "5"
                },
                FAST));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("trial 1: cv ").contains("trial 2: cv ").contains("best: trial");
        JsonNode json = new ObjectMapper()
                .readTree(CliRun.of("info", "--model", searched.toString(), "--json")
                        .out());
        assertThat(json.get("cv_score").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("search").get("trials").asInt()).isEqualTo(2);
    }

    @Test
    void missingTrainingFileIsOneClearLine() {
        CliRun run = CliRun.of(
                "train",
                "--data",
                dir.resolve("nope.tsv").toString(),
                "--out",
                dir.resolve("x.glossa").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err().strip()).isEqualTo("glossa train: training file not found: " + dir.resolve("nope.tsv"));
    }

    @Test
    void tooManyBadLinesStopsTraining() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "sv\thej\nno tab\nda\thej\nalso no tab\n");
        CliRun run = CliRun.of(
                "train",
                "--data",
                bad.toString(),
                "--out",
                dir.resolve("y.glossa").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err())
                .contains("bad line " + bad + ":2: no tab")
                .contains("glossa train: " + bad + ": 2 of 4 lines are bad");
        assertThat(run.err()).doesNotContain("at io.glossa");
    }

    @Test
    void corruptModelIsOneClearLineAndVerboseAddsTheTrace() throws Exception {
        Path corrupt = dir.resolve("corrupt.glossa");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(corrupt, bytes);
        CliRun run = CliRun.of("info", "--model", corrupt.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err().strip())
                .isEqualTo("glossa info: model file " + corrupt + " failed its checksum — the file is corrupted");
        CliRun verbose = CliRun.of("--verbose", "info", "--model", corrupt.toString());
        assertThat(verbose.err()).contains("ModelFormatException").contains("at io.glossa");
        CliRun verboseAfter = CliRun.of("info", "--model", corrupt.toString(), "--verbose");
        assertThat(verboseAfter.err()).contains("at io.glossa");
    }

    @Test
    void notAModelIsReported() {
        CliRun run = CliRun.of("info", "--model", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains("is not a glossa model file (wrong magic bytes)");
    }

    @Test
    void badFlagsGiveAShortUsageError() {
        CliRun run = CliRun.of("train", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--out=MODEL'").contains("Try 'glossa train --help'");
        assertThat(run.err().lines().count()).isLessThanOrEqualTo(3);
        CliRun bits = CliRun.of("train", "--data", data.toString(), "--out", "z.glossa", "--bits", "40");
        assertThat(bits.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bits.err()).contains("feature bits must be in 8..22, got 40");
        CliRun head =
                CliRun.of("train", "--data", data.toString(), "--out", "z.glossa", "--short-text-fragments", "201");
        assertThat(head.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(head.err()).contains("--short-text-fragments must be 0 to 200, got 201");
        CliRun noDev = CliRun.of(
                "train",
                "--data",
                data.toString(),
                "--out",
                "z.glossa",
                "--short-text-fragments",
                "5",
                "--dev-fraction",
                "0");
        assertThat(noDev.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(noDev.err())
                .contains("--short-text-fragments needs a dev split")
                .contains("--dev-fraction above 0");
        CliRun weight = CliRun.of("train", "--data", data.toString(), "--out", "z.glossa", "--text-weight", "0");
        assertThat(weight.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(weight.err()).contains("text weight must be > 0 and <= 100");
    }
}
