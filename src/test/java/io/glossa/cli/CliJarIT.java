package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, as a user runs it: train on a slice of the shared data, inspect, and fail cleanly. */
class CliJarIT {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    private Result glossa(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("glossa.jar", "target/glossa.jar"));
        assumeThat(Files.isRegularFile(jar)).as("packaged jar " + jar).isTrue();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void trainsOnASliceAndDescribesTheModel() throws Exception {
        Path data = Path.of(System.getProperty("glossa.sharedData", "../shared/data"));
        assumeThat(Files.isDirectory(data)).isTrue();
        Path slice = dir.resolve("slice.tsv");
        Map<String, Integer> seen = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(data.resolve("leipzig_sentences.tsv"), StandardCharsets.UTF_8)) {
            String label = line.substring(0, line.indexOf('\t'));
            if (seen.merge(label, 1, Integer::sum) <= 150) {
                sb.append(line).append('\n');
            }
        }
        Files.writeString(slice, sb.toString());
        Path model = dir.resolve("slice.glossa");
        Result train = glossa("train", "--data", slice.toString(), "--out", model.toString(), "--bits", "15",
                "--fragments", "2", "--epochs", "3");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("dev: macro accuracy");
        Result info = glossa("info", "--model", model.toString(), "--json");
        assertThat(info.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertThat(json.get("labels")).hasSize(37);
        assertThat(json.get("size_bytes").asLong()).isEqualTo(Files.size(model));
        assertThat(json.get("dev").get("macro_accuracy").asDouble()).isGreaterThan(0.85);
    }

    @Test
    void userErrorsExitNonZeroWithOneLine() throws Exception {
        Result missing = glossa("info", "--model", dir.resolve("missing.glossa").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("glossa info: model file not found: "
                + dir.resolve("missing.glossa"));
        Path junk = dir.resolve("junk.glossa");
        Files.writeString(junk, "this is not a model");
        Result notModel = glossa("info", "--model", junk.toString());
        assertThat(notModel.code()).isEqualTo(1);
        assertThat(notModel.err().lines().count()).isEqualTo(1);
        Result usage = glossa("train", "--nonsense");
        assertThat(usage.code()).isEqualTo(2);
    }

    @Test
    void builtInModelLoads() throws Exception {
        Result info = glossa("info");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("labels (38)").contains("Swedish").contains("Svenska");
    }
}
