package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.ModelFormatException;
import io.glossa.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry commands' rules, on a fake registry (the JDBC adapter has its own kit). */
class ModelCatalogTest {
    private static final byte[] A = TestModels.builtIn();
    private static final byte[] B = TestModels.otherVersion("2027-01-01T00:00:00Z");

    private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    private final List<ModelAnnouncement> announced = new ArrayList<>();
    private final ModelCatalog catalog = new ModelCatalog(registry, announced::add);

    @Test
    void addKeepsBytesChecksumAndDevScoreFromTheHeader() {
        ModelEntry entry = catalog.add("a.glossa", A, "  first  ").entry();
        assertThat(entry.version()).isEqualTo(TestModels.version(A));
        assertThat(entry.sha256()).isEqualTo(ModelVerifier.sha256(A)).hasSize(64);
        assertThat(entry.sizeBytes()).isEqualTo(A.length);
        assertThat(entry.devScore()).isBetween(0.9, 1.0);
        assertThat(entry.note()).isEqualTo("first");
        assertThat(registry.bytes(entry.version()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(A));
        assertThat(announced).as("adding changes nothing that runs").isEmpty();
    }

    @Test
    void corruptFilesAndNonsenseModelsAreRefusedAtAdd() {
        assertThatThrownBy(() -> catalog.add("bad.glossa", TestModels.corrupted(A), "x"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("bad.glossa")
                .hasMessageContaining("corrupted");
        assertThatThrownBy(() -> catalog.add("shuffled.glossa", TestModels.wrongLabels(), "x"))
                .isInstanceOf(BadModelException.class)
                .hasMessageContaining("smoke test");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void duplicateVersionsAndMissingNotesAreRefused() {
        catalog.add("a", A, "first");
        assertThatThrownBy(() -> catalog.add("a again", A, "again"))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("already in the registry");
        assertThatThrownBy(() -> catalog.add("b", B, " "))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("--note");
    }

    @Test
    void activateAndRollbackAreLoggedAndAnnounced() {
        String a = catalog.add("a", A, "first").version();
        String b = catalog.add("b", B, "second").version();
        catalog.activate(a);
        catalog.activate(b);
        assertThat(registry.state().active()).isEqualTo(b);
        assertThatThrownBy(() -> catalog.activate(b)).hasMessageContaining("already active");

        ModelEvent back = catalog.rollback();

        assertThat(back.version()).isEqualTo(a);
        assertThat(registry.state().active()).isEqualTo(a);
        assertThat(announced)
                .extracting(ModelAnnouncement::event, ModelAnnouncement::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.ACTIVATE, a),
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.ACTIVATE, b),
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.ROLLBACK, a));
        assertThatThrownBy(catalog::rollback)
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("nothing to roll back to");
    }

    @Test
    void unknownVersionsAndDamagedStoredBytesCannotBeActivated() {
        assertThatThrownBy(() -> catalog.activate("2020-01-01.deadbeef"))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("no model 2020-01-01.deadbeef");
        String a = catalog.add("a", A, "first").version();
        registry.replaceBytes(a, TestModels.corrupted(A));
        assertThatThrownBy(() -> catalog.activate(a))
                .isInstanceOf(BadModelException.class)
                .hasMessageContaining("sha256");
        assertThat(registry.state().activeVersion()).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void shadowNeedsAnotherVersionThanTheActiveOne() {
        String a = catalog.add("a", A, "first").version();
        String b = catalog.add("b", B, "second").version();
        catalog.activate(a);
        assertThatThrownBy(() -> catalog.shadow(a)).hasMessageContaining("is the active one");
        catalog.shadow(b);
        assertThat(registry.state()).isEqualTo(new ModelState(a, b));
        catalog.shadowOff();
        assertThat(registry.state()).isEqualTo(new ModelState(a, null));
        assertThatThrownBy(catalog::shadowOff).hasMessageContaining("no model is shadowing");
    }
}
