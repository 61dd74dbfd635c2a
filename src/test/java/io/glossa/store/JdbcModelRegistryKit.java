package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Result;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.ModelRegistryKit;
import io.glossa.registry.Refusal;
import io.glossa.testing.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC registry's own kit, on top of the port kit it inherits: what only its tables show (column limits, the
 * shadow results table). A tiny subclass per backend says how to get a fresh, empty database.
 */
abstract class JdbcModelRegistryKit extends ModelRegistryKit {
    private JdbcTextStore store;

    protected abstract StoreSettings freshDatabase() throws Exception;

    @Override
    protected ModelRegistry freshRegistry(MutableClock clock) throws Exception {
        store = JdbcTextStore.open(freshDatabase(), clock);
        return new JdbcModelRegistry(store.database(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRefusalsReasonIsCutToItsColumn() {
        registry.refused(new Refusal("w2", "v9", "x".repeat(5000), START.plusSeconds(2)));

        assertThat(registry.refusals()).hasSize(1);
        assertThat(registry.refusals().get(0).reason()).hasSize(1000);
    }

    @Test
    void shadowResultsAreKeptApartOncePerTextAndVersion() throws Exception {
        Job job = store.accept(List.of("Hej, hur mår du?"), Lane.REALTIME).get(0);
        JdbcShadowResults shadow = new JdbcShadowResults(store.database());
        Prediction sv = new Prediction("sv", "Swedish", "Svenska", 0.9, List.of());
        Prediction no = new Prediction("no", "Norwegian", "Norsk", 0.8, List.of());

        shadow.store(new Result(job.id(), sv, "cand", START, 1));
        shadow.store(new Result(job.id(), no, "cand", START, 1)); // a redelivered job changes nothing

        try (Connection c = store.database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT language, model_version FROM shadow_results")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("sv");
            assertThat(rows.next()).isFalse();
        }
        assertThat(store.find(job.id()).orElseThrow().status().name())
                .as("the client still waits for the real answer")
                .isEqualTo("PENDING");
    }
}
