package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.LanguageModel;
import io.glossa.testing.TestModels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's view of the registry: switching, refusing bad models, shadow, re-scoring versions. */
class ActiveModelsTest {
    private static final byte[] A = TestModels.builtIn();
    private static final byte[] B = TestModels.otherVersion("2027-01-01T00:00:00Z");
    private static final LanguageModel FALLBACK = LanguageModel.fromBytes(A);

    private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    private final ModelCatalog catalog = new ModelCatalog(registry, ModelAnnouncer.NONE);
    private final List<String> loaded = new ArrayList<>();
    private final List<String> refusedVersions = new ArrayList<>();
    private final ActiveModels models = new ActiveModels(
            registry,
            FALLBACK,
            "worker-1",
            new ModelMetrics() {
                @Override
                public void loaded(String version) {
                    loaded.add(version);
                }

                @Override
                public void refused(String version) {
                    refusedVersions.add(version);
                }
            },
            Clock.systemUTC());

    @Test
    void emptyRegistryKeepsTheFallbackAndReportsIt() {
        models.refresh();
        assertThat(models.get()).isSameAs(FALLBACK);
        assertThat(registry.workers())
                .singleElement()
                .satisfies(w -> assertThat(w.activeVersion()).isEqualTo(FALLBACK.version()));
    }

    @Test
    void switchesToTheActivatedVersionAndReportsItAfterTheSwap() {
        String b = catalog.add("b", B, "second").version();
        catalog.activate(b);

        models.refresh();

        assertThat(models.get().version()).isEqualTo(b);
        assertThat(loaded).containsExactly(b);
        assertThat(registry.workers())
                .singleElement()
                .satisfies(w -> assertThat(w.activeVersion()).isEqualTo(b));
    }

    @Test
    void damagedStoredBytesAreRefusedReportedAndTheCurrentModelStays() {
        String b = catalog.add("b", B, "second").version();
        catalog.activate(b);
        registry.replaceBytes(b, TestModels.corrupted(B));

        models.refresh();
        models.refresh(); // refused versions are not retried at every periodic check

        assertThat(models.get()).isSameAs(FALLBACK);
        assertThat(refusedVersions).containsExactly(b);
        assertThat(registry.refusals()).singleElement().satisfies(r -> {
            assertThat(r.worker()).isEqualTo("worker-1");
            assertThat(r.version()).isEqualTo(b);
            assertThat(r.reason()).contains("sha256");
        });
    }

    @Test
    void aModelThatLoadsButAnswersNonsenseIsRefusedByTheSmokeTest() {
        byte[] wrong = TestModels.wrongLabels();
        String version = TestModels.version(wrong);
        // registered behind the catalog's back, as a direct write to the store would
        registry.add(new NewModel(version, ModelVerifier.sha256(wrong), wrong, "{}", null, "bad"));
        registry.record(ModelEvent.Action.ACTIVATE, version);

        models.refresh();

        assertThat(models.get()).isSameAs(FALLBACK);
        assertThat(registry.refusals())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("smoke test"));
    }

    @Test
    void anAnnouncementRetriesARefusedVersionOnceItIsRepaired() {
        String b = catalog.add("b", B, "second").version();
        catalog.activate(b);
        registry.replaceBytes(b, TestModels.corrupted(B));
        models.refresh();
        registry.replaceBytes(b, B);

        models.refreshAfterAnnouncement();

        assertThat(models.get().version()).isEqualTo(b);
    }

    @Test
    void shadowIsLoadedBesideTheActiveOneAndDropped() {
        String a = catalog.add("a", A, "first").version();
        String b = catalog.add("b", B, "second").version();
        catalog.activate(a);
        catalog.shadow(b);

        models.refresh();
        assertThat(models.get().version()).isEqualTo(a);
        assertThat(models.shadow())
                .hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(b));
        assertThat(registry.workers().get(0).shadowVersion()).isEqualTo(b);

        catalog.shadowOff();
        models.refresh();
        assertThat(models.shadow()).isEmpty();
        assertThat(registry.workers().get(0).shadowVersion()).isNull();
    }

    @Test
    void anyRegisteredVersionCanBeHadForReScoring() {
        String b = catalog.add("b", B, "second").version();
        assertThat(models.version(b).version()).isEqualTo(b);
        assertThat(models.version(b)).as("loaded once").isSameAs(models.version(b));
        assertThatThrownBy(() -> models.version("2020-01-01.00000000"))
                .isInstanceOf(BadModelException.class)
                .hasMessageContaining("not in the registry");
    }
}
