package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.JarProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's log lines as an operator reads them: ISO 8601 dates in the text format, one JSON object per line
 * with {@code --log-format json}, the access log with {@code --access-log}, and a clear error for an unknown format.
 */
class LogFormatIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonFormatWithTheAccessLog() throws Exception {
        List<String> lines = serveAndAskForHealth(Map.of(), "--log-format", "json", "--access-log");
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(OffsetDateTime.parse(event.get("@timestamp").asText()))
                    .as(line)
                    .isNotNull();
            assertThat(event.get("level").asText()).as(line).isNotBlank();
            events.add(event);
        }
        assertThat(events).anySatisfy(e -> assertThat(e.get("message").asText()).startsWith("glossa serving on"));
        assertThat(events)
                .filteredOn(e -> e.get("logger_name").asText().equals("io.glossa.access"))
                .anySatisfy(e -> {
                    assertThat(e.get("method").asText()).isEqualTo("GET");
                    assertThat(e.get("path").asText()).isEqualTo("/health");
                    assertThat(e.get("status").asInt()).isEqualTo(200);
                    assertThat(e.get("duration_ms").asDouble()).isNotNegative();
                });
    }

    @Test
    void textFormatHasIsoDatesAndTheFlagOverridesTheEnvironment() throws Exception {
        List<String> lines = serveAndAskForHealth(Map.of("GLOSSA_LOG_FORMAT", "json"), "--log-format", "text");
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) (INFO |WARN |ERROR) .*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("glossa serving on"));
        assertThat(lines).as("no access log unless asked").noneMatch(line -> line.contains("/health"));
    }

    @Test
    void anUnknownFormatIsRefusedInOneLine() throws Exception {
        GlossaProcess.Result result = new GlossaProcess(dir).run("info", "--log-format", "xml");
        assertThat(result.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr())
                .contains("--log-format must be text or json, got 'xml'")
                .doesNotContain("\tat ");
    }

    /** Starts serve with everything embedded, asks /health once, stops it, and returns its non-blank log lines. */
    private List<String> serveAndAskForHealth(Map<String, String> env, String... logArgs) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--amqp-port",
                String.valueOf(freePort()),
                "--data-dir",
                dir.resolve("data").toString()));
        args.addAll(List.of(logArgs));
        Path log;
        try (JarProcess serve =
                JarProcess.start("serve", JarProcess.packagedJar(), dir, env, args.toArray(String[]::new))) {
            serve.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/ready"), Duration.ofSeconds(120));
            serve.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(10));
            log = dir.resolve("serve.log");
        }
        return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
