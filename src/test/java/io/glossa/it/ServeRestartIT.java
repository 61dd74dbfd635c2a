package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.app.ServeSettings;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.store.JdbcTextStore;
import io.glossa.store.StoreSettings;
import io.glossa.testing.TestRoles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepted texts survive a restart of {@code glossa serve} on the same data dir. */
class ServeRestartIT {
    @TempDir
    Path dataDir;

    private ServeSettings settings() {
        return TestRoles.embedded(dataDir).withWorker(TestRoles.worker(4));
    }

    @Test
    void textsPendingAtShutdownOrLeftInTheOutboxAreAnsweredAfterARestart() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Running first = Roles.serve(settings())) {
            ApiClient api = new ApiClient(first.port());
            // a burst, then stop at once: some are done, some queued in the broker, some not yet published
            ids.addAll(api.submitAll(TestTexts.sentences(500), 64));
        }

        // as if a process crashed right after committing: a text in the outbox that no relay has published
        String orphan;
        try (JdbcTextStore store = JdbcTextStore.open(StoreSettings.embedded(dataDir, 2))) {
            Job job = store.accept(
                            List.of("Ceci est un texte accepté juste avant la panne du processus."), Lane.REALTIME)
                    .get(0);
            orphan = job.id().toString();
            assertThat(store.find(job.id()).orElseThrow().status().key()).isEqualTo("pending");
        }

        try (Running second = Roles.serve(settings())) {
            ApiClient api = new ApiClient(second.port());
            JsonNode recovered = api.awaitOne(orphan, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            assertThat(recovered.get("status").asText()).isEqualTo("done");
            assertThat(recovered.get("language").asText()).isEqualTo("fr");
            List<JsonNode> records = api.awaitAll(ids, Duration.ofSeconds(120));
            assertThat(records).extracting(r -> r.get("status").asText()).containsOnly("done");
        }
    }
}
