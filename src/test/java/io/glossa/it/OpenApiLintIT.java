package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /openapi.json passes a standard OpenAPI linter: Redocly's {@code recommended} rules, with the exceptions stated in
 * redocly.yaml. The version is pinned so that a new rule upstream does not break an unchanged build.
 */
class OpenApiLintIT {
    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theOpenApiDocumentLintsCleanWithRedoclysRecommendedRules() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path document = project.resolve("src/main/resources/io/glossa/web/openapi.json");
        Path work = Files.createTempDirectory("glossa-openapi-lint");
        ExternalRun lint = ExternalRun.of(
                work,
                Map.of(),
                "npx",
                "-y",
                REDOCLY,
                "lint",
                "--format=json",
                "--config",
                project.resolve("redocly.yaml").toString(),
                document.toString());
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        JsonNode report = ApiClient.read(lint.output());
        assertThat(report.get("problems")).as(lint.output()).isEmpty();
        assertThat(report.get("totals").get("errors").asInt()).isZero();
        assertThat(report.get("totals").get("warnings").asInt()).isZero();
    }
}
