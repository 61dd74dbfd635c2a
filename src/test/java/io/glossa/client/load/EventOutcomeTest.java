package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load tool's reading of a result event: id and status only, whatever follows or precedes them. */
class EventOutcomeTest {
    @Test
    void readsIdAndStatusOfADoneOrFailedEvent() {
        assertThat(EventOutcome.read(
                        "{\"id\":\"a1\",\"status\":\"done\",\"language\":\"sv\",\"top\":[{\"language\":\"sv\"}]}"))
                .isEqualTo(new EventOutcome("a1", true));
        assertThat(EventOutcome.read("{\"id\":\"a2\",\"status\":\"failed\",\"error\":\"x\"}"))
                .isEqualTo(new EventOutcome("a2", false));
    }

    @Test
    void fieldsInAnyOrderAndNestedValuesBeforeThemAreSkipped() {
        assertThat(
                        EventOutcome.read(
                                "{\"top\":[{\"id\":\"not this\"}],\"owner\":{\"id\":\"nor this\"},\"status\":\"done\",\"id\":\"b\"}"))
                .isEqualTo(new EventOutcome("b", true));
    }

    @Test
    void notAnEventIsNull() {
        assertThat(EventOutcome.read("[1,2]")).isNull();
        assertThat(EventOutcome.read("{\"status\":\"done\"}")).isNull();
        assertThat(EventOutcome.read("{\"id\":7,\"status\":\"done\"}")).isNull();
        assertThat(EventOutcome.read("{not json")).isNull();
        assertThat(EventOutcome.read("")).isNull();
    }
}
