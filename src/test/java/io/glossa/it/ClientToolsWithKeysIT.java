package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.access.IssuedKey;
import io.glossa.app.AccessPolicy;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.cli.Main;
import io.glossa.testing.TestRoles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code glossa load} and {@code glossa batch --via-queue} against a glossa that requires API keys. */
class ClientToolsWithKeysIT {
    private static final AccessPolicy KEYS = AccessPolicy.keysRequired().withKeyCache(Duration.ofSeconds(10));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theLoadToolAndTheQueueBatchSendTheirKeyAndGetEveryResult() throws Exception {
        Path texts = dir.resolve("texts.txt");
        Files.write(texts, TestTexts.sentences(40), StandardCharsets.UTF_8);
        try (Running serve = Roles.serve(TestRoles.withAccess(TestRoles.embedded(dir.resolve("data")), KEYS))) {
            IssuedKey key = PipelineKit.keys(serve).issue("load tool", Optional.empty());
            String url = "http://127.0.0.1:" + serve.port();

            Run load = run(
                    "load",
                    "--url",
                    url,
                    "--rate",
                    "20",
                    "--duration",
                    "2s",
                    "--data",
                    texts.toString(),
                    "--json",
                    "--api-key",
                    key.secret());
            assertThat(load.exit()).as(load.err()).isZero();
            JsonNode report = JSON.readTree(load.out());
            assertThat(report.get("accepted").asLong()).isPositive();
            assertThat(report.get("rejected").asLong()).isZero();
            assertThat(report.get("completed").asLong())
                    .isEqualTo(report.get("accepted").asLong());
            assertThat(report.get("lost").asLong()).isZero();

            Path out = dir.resolve("out.jsonl");
            Run batch = run(
                    "batch",
                    "--in",
                    texts.toString(),
                    "--out",
                    out.toString(),
                    "--quiet",
                    "--via-queue",
                    "--api",
                    url,
                    "--api-key",
                    key.secret());
            assertThat(batch.exit()).as(batch.err()).isZero();
            assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                    .hasSize(40)
                    .allSatisfy(line -> assertThat(line).startsWith("{\"language\":"));

            Run without = run(
                    "batch",
                    "--in",
                    texts.toString(),
                    "--out",
                    dir.resolve("refused.jsonl").toString(),
                    "--quiet",
                    "--via-queue",
                    "--api",
                    url,
                    "--api-key",
                    "");
            assertThat(without.exit()).isEqualTo(1);
            assertThat(without.err()).contains("401");
        }
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
