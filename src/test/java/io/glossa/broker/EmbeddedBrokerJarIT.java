package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker from the shaded jar users run: shading drops Qpid's manifest, so its "product" server property
 * turns into "unknown"; the flavour must still be detected as Qpid (else RabbitMQ-only x- arguments would be wrong).
 */
class EmbeddedBrokerJarIT {
    @Test
    void theShadedJarStartsTheEmbeddedBrokerAndRecognisesIt(@TempDir Path dir) throws Exception {
        Path jar = io.glossa.testing.JarProcess.packagedJar(); // mvn verify builds it before the integration tests
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = jar
                + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Process probe = new ProcessBuilder(
                        javaBin,
                        "-Xmx256m",
                        "-cp",
                        classpath,
                        JarProbe.class.getName(),
                        dir.toString(),
                        String.valueOf(port))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as("exit code; output: %s", out).isZero();
        assertThat(out).contains("FLAVOUR QPID");
    }
}
