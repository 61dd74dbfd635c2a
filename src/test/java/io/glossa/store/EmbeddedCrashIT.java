package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps every text whose accept() returned, even when the process is killed with SIGKILL
 * right after: what {@code WRITE_DELAY=0} is for (H2's default writes commits up to 500 ms later).
 */
class EmbeddedCrashIT {
    @TempDir
    Path dataDir;

    @Test
    void acceptedTextsSurviveKillMinusNine() throws Exception {
        List<UUID> acknowledged = new ArrayList<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AcceptUntilKilled.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader ids = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = ids.readLine(); line != null && acknowledged.size() < 3000; line = ids.readLine()) {
                acknowledged.add(UUID.fromString(line));
            }
            // kill -9: no shutdown hooks, no close. (Process.destroyForcibly would also close our end of its stdout.)
            assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor()).isZero();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line = ids.readLine(); line != null; line = ids.readLine()) {
                acknowledged.add(UUID.fromString(line)); // printed before the kill landed
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3000);

        try (JdbcTextStore reopened = new JdbcTextStore(Database.open(StoreSettings.embedded(dataDir, 2)),
                Clock.systemUTC(), StoreTuning.defaults(Backend.H2))) {
            List<UUID> lost = acknowledged.stream().filter(id -> reopened.find(id).isEmpty()).toList();
            assertThat(lost).as("accepted before the kill but missing after it").isEmpty();
            assertThat(reopened.counts().unpublished()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }
}
