package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangelogTest {
    private final List<ModelEvent> events = new ArrayList<>();

    private void add(ModelEvent.Action action, String version) {
        events.add(new ModelEvent(events.size() + 1, action, version, Instant.EPOCH));
    }

    @Test
    void nothingToRollBackToWithFewerThanTwoActivations() {
        assertThat(Changelog.rollbackTarget(events)).isEmpty();
        add(ModelEvent.Action.ACTIVATE, "a");
        assertThat(Changelog.rollbackTarget(events)).isEmpty();
    }

    @Test
    void rollbacksUndoActivationsOneByOneAndShadowChangesDoNotCount() {
        add(ModelEvent.Action.ACTIVATE, "a");
        add(ModelEvent.Action.ACTIVATE, "b");
        add(ModelEvent.Action.SHADOW, "x");
        add(ModelEvent.Action.ACTIVATE, "c");
        add(ModelEvent.Action.SHADOW_OFF, null);
        assertThat(Changelog.rollbackTarget(events)).contains("b");
        add(ModelEvent.Action.ROLLBACK, "b");
        assertThat(Changelog.rollbackTarget(events)).contains("a");
        add(ModelEvent.Action.ROLLBACK, "a");
        assertThat(Changelog.rollbackTarget(events)).isEmpty();
    }
}
