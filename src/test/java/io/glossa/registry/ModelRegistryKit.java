package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.MutableClock;
import io.glossa.testing.TestModels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ModelRegistry} compatibility kit, written against the port and run unchanged against each implementation
 * (the JDBC registry on both backends, the in-memory fake) by a subclass that opens one on an empty system of record.
 */
public abstract class ModelRegistryKit {
    protected static final Instant START = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final byte[] MODEL = TestModels.builtIn();
    protected MutableClock clock;
    protected ModelRegistry registry;

    /** A registry on a new, empty system of record that reads the time from {@code clock}; called once per test. */
    protected abstract ModelRegistry freshRegistry(MutableClock clock) throws Exception;

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(START);
        registry = freshRegistry(clock);
    }

    protected static NewModel model(String version, byte[] bytes, Double dev) {
        return new NewModel(
                version, "ab".repeat(32), bytes, "{\"version\":\"" + version + "\"}", dev, "note " + version);
    }

    @Test
    void aModelFileComesBackByteForByteWithItsEntry() {
        ModelEntry added = registry.add(model("2026-01-01.0000000a", MODEL, 0.97));

        assertThat(registry.bytes("2026-01-01.0000000a"))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(MODEL));
        assertThat(registry.find("2026-01-01.0000000a")).contains(added);
        assertThat(added)
                .isEqualTo(new ModelEntry(
                        "2026-01-01.0000000a", "ab".repeat(32), MODEL.length, 0.97, "note 2026-01-01.0000000a", START));
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.bytes("nope")).isEmpty();
    }

    @Test
    void theMeasuredScoreIsKeptBesideTheClaimedOne() {
        registry.add(new NewModel("m1", "ab".repeat(32), MODEL, "{}", 0.97, "measured", 0.9962));
        registry.add(model("m0", new byte[] {3}, 0.5));

        assertThat(registry.find("m1")).map(ModelEntry::measuredScore).contains(0.9962);
        assertThat(registry.list())
                .extracting(ModelEntry::version, ModelEntry::measuredScore)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("m1", 0.9962),
                        org.assertj.core.groups.Tuple.tuple("m0", null));
    }

    @Test
    void listIsOldestFirstAndKeepsAMissingDevScore() {
        registry.add(model("v1", new byte[] {1}, null));
        clock.advance(Duration.ofMinutes(1));
        registry.add(model("v2", new byte[] {2}, 0.5));
        assertThat(registry.list())
                .extracting(ModelEntry::version, ModelEntry::devScore)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v1", null),
                        org.assertj.core.groups.Tuple.tuple("v2", 0.5));
    }

    @Test
    void aVersionIsAddedOnlyOnce() {
        registry.add(model("v1", new byte[] {1}, null));
        assertThatThrownBy(() -> registry.add(model("v1", new byte[] {9}, null)))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("already in the registry");
        assertThat(registry.bytes("v1")).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
    }

    @Test
    void theStateIsTheNewestActivationAndTheNewestShadowChange() {
        assertThat(registry.state()).isEqualTo(ModelState.EMPTY);
        registry.add(model("v1", new byte[] {1}, null));
        registry.add(model("v2", new byte[] {2}, null));
        registry.record(ModelEvent.Action.ACTIVATE, "v1");
        registry.record(ModelEvent.Action.SHADOW, "v2");
        assertThat(registry.state()).isEqualTo(new ModelState("v1", "v2"));
        registry.record(ModelEvent.Action.ACTIVATE, "v2");
        registry.record(ModelEvent.Action.SHADOW_OFF, null);
        assertThat(registry.state()).isEqualTo(new ModelState("v2", null));
        clock.advance(Duration.ofSeconds(1));
        ModelEvent back = registry.record(ModelEvent.Action.ROLLBACK, "v1");
        assertThat(registry.state()).isEqualTo(new ModelState("v1", null));

        assertThat(registry.events())
                .extracting(ModelEvent::action, ModelEvent::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.ACTIVATE, "v1"),
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.SHADOW, "v2"),
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.ACTIVATE, "v2"),
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.SHADOW_OFF, null),
                        org.assertj.core.groups.Tuple.tuple(ModelEvent.Action.ROLLBACK, "v1"));
        assertThat(registry.events().get(4)).isEqualTo(back);
        assertThat(back.at()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void onlyRegisteredVersionsCanBeActivated() {
        assertThatThrownBy(() -> registry.record(ModelEvent.Action.ACTIVATE, "ghost"))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("no model ghost");
        assertThat(registry.events()).isEmpty();
    }

    @Test
    void workersReportReplaceTheirRowAndRefusalsKeepTheNewestReason() {
        registry.report(new WorkerStatus("w1", "v1", null, START));
        registry.report(new WorkerStatus("w2", "v1", null, START));
        registry.report(new WorkerStatus("w1", "v2", "v3", START.plusSeconds(5)));
        assertThat(registry.workers())
                .containsExactly(
                        new WorkerStatus("w1", "v2", "v3", START.plusSeconds(5)),
                        new WorkerStatus("w2", "v1", null, START));

        registry.refused(new Refusal("w1", "v9", "checksum", START));
        registry.refused(new Refusal("w1", "v9", "smoke test", START.plusSeconds(1)));
        registry.refused(new Refusal("w2", "v9", "bad file", START.plusSeconds(2)));
        List<Refusal> refusals = registry.refusals();
        assertThat(refusals)
                .containsExactly(
                        new Refusal("w2", "v9", "bad file", START.plusSeconds(2)),
                        new Refusal("w1", "v9", "smoke test", START.plusSeconds(1)));
    }
}
