package io.glossa.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        ExternalCommand lint = ExternalCommand.run(work, Map.of(), 600, List.of("npx", "-y", REDOCLY, "lint",
                "--config", project.resolve("redocly.yaml").toString(), document.toString()));
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid").doesNotContain("warning");
    }
}
