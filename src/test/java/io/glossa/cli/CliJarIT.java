package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.JarProcess;
import io.glossa.testing.SharedData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, as a user runs it: train on a slice of the shared data, inspect, and fail cleanly. */
class CliJarIT {
    @TempDir
    Path dir;

    private GlossaProcess.Result glossa(String... args) throws Exception {
        return new GlossaProcess(dir).run(args);
    }

    @Test
    void trainsOnASliceAndDescribesTheModel() throws Exception {
        Path data = SharedData.dir();
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
        GlossaProcess.Result train = glossa(
                "train",
                "--data",
                slice.toString(),
                "--out",
                model.toString(),
                "--bits",
                "15",
                "--fragments",
                "2",
                "--epochs",
                "3");
        assertThat(train.exit()).as(train.stderr()).isZero();
        assertThat(train.stdout()).contains("dev: macro accuracy");
        GlossaProcess.Result info = glossa("info", "--model", model.toString(), "--json");
        assertThat(info.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(info.stdout());
        assertThat(json.get("labels")).hasSize(37);
        assertThat(json.get("size_bytes").asLong()).isEqualTo(Files.size(model));
        assertThat(json.get("dev").get("macro_accuracy").asDouble()).isGreaterThan(0.85);
    }

    /** A plain {@code java -jar} has no Vector API module: the scalar kernel scores, and info says so. */
    @Test
    void aPlainJavaJarScoresWithTheScalarKernel() throws Exception {
        GlossaProcess.Result info = glossa("info");
        assertThat(info.exit()).as(info.stderr()).isZero();
        assertThat(info.stdout()).contains("scoring here:     scalar");
        assertThat(info.stderr()).doesNotContain("incubator");
    }

    @Test
    void userErrorsExitNonZeroWithOneLine() throws Exception {
        GlossaProcess.Result missing =
                glossa("info", "--model", dir.resolve("missing.glossa").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr().strip())
                .isEqualTo("glossa info: model file not found: " + dir.resolve("missing.glossa"));
        Path junk = dir.resolve("junk.glossa");
        Files.writeString(junk, "this is not a model");
        GlossaProcess.Result notModel = glossa("info", "--model", junk.toString());
        assertThat(notModel.exit()).isEqualTo(1);
        assertThat(notModel.stderr().lines().count()).isEqualTo(1);
        GlossaProcess.Result usage = glossa("train", "--nonsense");
        assertThat(usage.exit()).isEqualTo(2);
    }

    @Test
    void aDataDirThatCannotBeCreatedEndsServeWithOneActionableLine() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a directory");
        GlossaProcess.Result serve = glossa(
                "serve", "--port", "0", "--data-dir", blocker.resolve("data").toString());
        assertThat(serve.exit()).isNotZero();
        assertThat(serve.stderrLines())
                .last()
                .isEqualTo("glossa serve: cannot create --data-dir " + blocker.resolve("data") + ": "
                        + blocker.resolve("data") + ": Not a directory");
        assertThat(serve.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void serveSaysWhereToLookWhereItsDataIsAndHowToStop() throws Exception {
        Path data = dir.resolve("data");
        int port = freePort();
        try (JarProcess serve = JarProcess.start(
                "serve",
                JarProcess.packagedJar(),
                dir,
                Map.of(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--amqp-port",
                String.valueOf(freePort()),
                "--data-dir",
                data.toString())) {
            serve.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/ready"), Duration.ofSeconds(120));
            // the hint follows the HTTP server's start, so it may land a moment after /ready first answers
            for (int i = 0; i < 100 && !serve.output().contains("stop with Ctrl+C"); i++) {
                Thread.sleep(100);
            }
            assertThat(serve.output())
                    .contains("open http://localhost:" + port
                            + "/ in a browser (live charts: /dashboard.html); stop with Ctrl+C")
                    .contains("the embedded parts keep their data in "
                            + data.toAbsolutePath().normalize());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void builtInModelLoads() throws Exception {
        GlossaProcess.Result info = glossa("info");
        assertThat(info.exit()).as(info.stderr()).isZero();
        assertThat(info.stdout()).contains("labels (38)").contains("Swedish").contains("Svenska");
    }
}
