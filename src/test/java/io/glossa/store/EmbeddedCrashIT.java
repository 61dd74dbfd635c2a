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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded database keeps when its process is killed with SIGKILL while accepting texts: every text whose
 * accept() had returned, down to the last one, three kills in a row on one data dir. The whole system under the same
 * kind of kill is {@code io.glossa.ops.ServeKillIT}.
 */
class EmbeddedCrashIT {
    @TempDir
    Path dataDir;

    @Test
    void everyAcceptedTextSurvivesAKillMinusNine() throws Exception {
        List<UUID> acknowledged = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            acknowledged.addAll(
                    acceptUntilKilled(500 + ThreadLocalRandom.current().nextInt(1500)));
        }

        try (JdbcTextStore reopened = new JdbcTextStore(
                Database.open(StoreSettings.embedded(dataDir, 2)),
                Clock.systemUTC(),
                StoreTuning.defaults(Backend.SQLITE))) {
            List<UUID> lost = acknowledged.stream()
                    .filter(id -> reopened.find(id).isEmpty())
                    .toList();
            System.out.printf(
                    "[embedded crash] 3 kills: %d texts acknowledged, %d lost%n", acknowledged.size(), lost.size());
            assertThat(acknowledged).hasSizeGreaterThan(300);
            assertThat(lost)
                    .as("acknowledged before kill -9 but missing after it")
                    .isEmpty();
            assertThat(reopened.counts().pending())
                    .as("also those committed but not yet printed")
                    .isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    /** Starts {@link AcceptUntilKilled} on the data dir, kills it after about {@code millis}; returns what it acked. */
    private List<UUID> acceptUntilKilled(long millis) throws Exception {
        List<UUID> acknowledged = new ArrayList<>();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AcceptUntilKilled.class.getName(),
                        dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader ids =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = 0;
            for (String line = ids.readLine(); line != null; line = ids.readLine()) {
                acknowledged.add(UUID.fromString(line.split(" ")[0]));
                deadline = deadline == 0 ? System.currentTimeMillis() + millis : deadline;
                if (System.currentTimeMillis() >= deadline) {
                    break;
                }
            }
            // kill -9: no shutdown hooks, no close. (Process.destroyForcibly would also close our end of its stdout.)
            assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(child.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line = ids.readLine(); line != null; line = ids.readLine()) {
                acknowledged.add(UUID.fromString(line.split(" ")[0])); // printed before the kill landed
            }
        }
        return acknowledged;
    }
}
