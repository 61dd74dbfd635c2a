package io.glossa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates deploy/prometheus with promtool (Debian package {@code prometheus}): rule and config syntax, and the
 * rule unit tests in alerts.test.yml, which show every alert firing on its situation and staying quiet otherwise.
 * Fails, naming the package, when promtool is not installed.
 */
class PrometheusRulesIT {
    private static final Path DIR = Path.of("deploy", "prometheus").toAbsolutePath();

    private static Path promtool;

    @BeforeAll
    static void promtoolPresent() {
        promtool = RequiredTool.onPath("promtool", "prometheus");
    }

    @Test
    void alertRulesAreValid() throws Exception {
        Outcome outcome = run("check", "rules", "alerts.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("SUCCESS");
    }

    @Test
    void alertRulesPassTheirUnitTests() throws Exception {
        Outcome outcome = run("test", "rules", "alerts.test.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void exampleScrapeConfigIsValidAndLoadsTheRules() throws Exception {
        Outcome outcome = run("check", "config", "prometheus.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("1 rule files found");
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Outcome(process.exitValue(), output);
    }
}
