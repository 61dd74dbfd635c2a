package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.pipeline.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded database keeps when its process is killed with SIGKILL while accepting texts: every text
 * accepted more than a moment before the kill, readable. H2 writes commits within WRITE_DELAY (100 ms); the test
 * allows 2 s, since on a loaded machine H2's writer thread may run late, and prints how many of the last texts were
 * lost. Once (CI, 2026-11-27) H2 came back with the index entry of one of those last texts but not its row, so that
 * reading it failed instead of finding nothing: such a text is counted as lost in the window, and reported apart.
 */
class EmbeddedCrashIT {
    private static final long MARGIN_MILLIS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void textsAcceptedBeforeAKillMinusNineSurviveIt() throws Exception {
        Map<UUID, Long> acknowledged = new LinkedHashMap<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AcceptUntilKilled.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long killedAt;
        try (BufferedReader ids = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long firstAt = 0;
            for (String line = ids.readLine(); line != null; line = ids.readLine()) {
                record(acknowledged, line);
                firstAt = firstAt == 0 ? System.currentTimeMillis() : firstAt;
                if (acknowledged.size() >= 1000 && System.currentTimeMillis() - firstAt > 2 * MARGIN_MILLIS) {
                    break;
                }
            }
            // kill -9: no shutdown hooks, no close. (Process.destroyForcibly would also close our end of its stdout.)
            killedAt = System.currentTimeMillis();
            assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor()).isZero();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line = ids.readLine(); line != null; line = ids.readLine()) {
                record(acknowledged, line); // printed before the kill landed
            }
        }

        try (JdbcTextStore reopened = new JdbcTextStore(Database.open(StoreSettings.embedded(dataDir, 2)),
                Clock.systemUTC(), StoreTuning.defaults(Backend.H2))) {
            List<UUID> old = acknowledged.entrySet().stream()
                    .filter(e -> e.getValue() < killedAt - MARGIN_MILLIS).map(Map.Entry::getKey).toList();
            List<UUID> lostOld = old.stream().filter(id -> reopened.find(id).isEmpty()).toList();
            Set<UUID> oldSet = new HashSet<>(old);
            List<Long> lostRecentAges = new ArrayList<>();
            int unreadable = 0;
            for (Map.Entry<UUID, Long> recent : acknowledged.entrySet()) {
                if (oldSet.contains(recent.getKey())) {
                    continue;
                }
                try {
                    if (reopened.find(recent.getKey()).isEmpty()) {
                        lostRecentAges.add(killedAt - recent.getValue());
                    }
                } catch (StoreUnavailableException e) {
                    // H2 kept this text's index entry but not its row (docs/store.md): lost in the window as well
                    unreadable++;
                    lostRecentAges.add(killedAt - recent.getValue());
                }
            }
            System.out.printf("[embedded crash] %d texts acknowledged, %d of them more than %d ms before kill -9: "
                    + "%d of those lost; %d of the %d later ones lost (%d of them unreadable), accepted at most %d ms "
                    + "before the kill%n", acknowledged.size(), old.size(), MARGIN_MILLIS, lostOld.size(),
                    lostRecentAges.size(), acknowledged.size() - old.size(), unreadable,
                    lostRecentAges.stream().mapToLong(Long::longValue).max().orElse(0));
            assertThat(old).hasSizeGreaterThan(500);
            assertThat(lostOld).as("accepted well before the kill but missing after it").isEmpty();
        }
    }

    private static void record(Map<UUID, Long> acknowledged, String line) {
        String[] parts = line.split(" ");
        acknowledged.put(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
    }
}
