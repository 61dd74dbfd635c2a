package io.glossa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.Promtool;
import io.glossa.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates deploy/prometheus with promtool (Debian package {@code prometheus}): rule and config syntax, and the
 * rule unit tests in alerts.test.yml, which show every alert firing on its situation and staying quiet otherwise.
 * Fails, naming the package, when promtool is not installed.
 */
class PrometheusRulesIT {
    private static final Path DIR = Path.of("deploy", "prometheus").toAbsolutePath();

    @BeforeAll
    static void promtoolPresent() {
        RequiredTool.onPath("promtool", "prometheus");
    }

    @Test
    void alertRulesAreValid() throws Exception {
        Promtool.Outcome outcome = run("check", "rules", "alerts.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("SUCCESS");
    }

    @Test
    void alertRulesPassTheirUnitTests() throws Exception {
        Promtool.Outcome outcome = run("test", "rules", "alerts.test.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void exampleScrapeConfigIsValidAndLoadsTheRules() throws Exception {
        Promtool.Outcome outcome = run("check", "config", "prometheus.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("1 rule files found");
    }

    @Test
    void composeScrapeConfigIsValidAndLoadsTheRules() throws Exception {
        Promtool.Outcome outcome = run("check", "config", "prometheus-compose.yml");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("1 rule files found");
    }

    private static Promtool.Outcome run(String... args) throws IOException, InterruptedException {
        return Promtool.run(DIR, "", args);
    }
}
