package io.glossa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pure core (and the pipeline's ports and services) must not know HTTP, AMQP or SQL: adapters depend on it,
 * never the other way round. A source scan keeps that true without an architecture library.
 */
class CoreIndependenceTest {
    private static final List<String> CORE = List.of(
            "text",
            "features",
            "model",
            "corpus",
            "training",
            "evaluation",
            "pipeline",
            "access",
            "registry",
            "concurrent");
    private static final List<String> ADAPTER_IMPORTS = List.of(
            "import com.rabbitmq",
            "import org.apache.qpid",
            "import java.sql",
            "import javax.sql",
            "import com.zaxxer",
            "import org.flywaydb",
            "import org.h2",
            "import org.postgresql",
            "import io.javalin",
            "import org.eclipse.jetty",
            "import java.net.http",
            "import io.micrometer",
            "import picocli",
            "import io.glossa.broker",
            "import io.glossa.store",
            "import io.glossa.web",
            "import io.glossa.cli",
            "import io.glossa.app",
            "import io.glossa.client",
            "import io.glossa.metrics",
            "import io.opentelemetry",
            "import io.glossa.telemetry");
    /** Adapters the composition root (app) and the commands (cli) wire; they know neither. */
    private static final List<String> ADAPTERS = List.of("broker", "store", "web", "metrics", "client", "telemetry");

    @Test
    void coreImportsNoAdapter() throws IOException {
        for (String pkg : CORE) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/glossa", pkg))) {
                List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                        .filter(CoreIndependenceTest::importsAnAdapter)
                        .map(Path::toString)
                        .collect(Collectors.toList());
                assertThat(offenders)
                        .as("core package io.glossa.%s importing adapters", pkg)
                        .isEmpty();
            }
        }
    }

    @Test
    void adaptersImportNeitherTheCompositionRootNorTheCommands() throws IOException {
        for (String pkg : ADAPTERS) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/glossa", pkg))) {
                List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> imports(p, List.of("import io.glossa.app.", "import io.glossa.cli.")))
                        .map(Path::toString)
                        .collect(Collectors.toList());
                assertThat(offenders)
                        .as("adapter package io.glossa.%s importing app or cli", pkg)
                        .isEmpty();
            }
        }
    }

    private static boolean importsAnAdapter(Path file) {
        return imports(file, ADAPTER_IMPORTS);
    }

    private static boolean imports(Path file, List<String> prefixes) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .anyMatch(line -> prefixes.stream().anyMatch(line::startsWith));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
