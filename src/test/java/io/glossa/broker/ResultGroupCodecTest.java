package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultGroupCodecTest {
    final UUID doneId = UUID.randomUUID();
    final Prediction estonian =
            new Prediction("et", "Estonian", "Eesti", 0.88, List.of(new Candidate("et", "Estonian", "Eesti", 0.88)));
    final ResultEvent done = new ResultEvent(
            doneId,
            TextStatus.DONE,
            new Result(doneId, estonian, "2026.12.1", Instant.parse("2026-12-07T06:00:00.020Z"), 3),
            null,
            Instant.parse("2026-12-07T06:00:00.001Z"),
            7L);
    final ResultEvent failed = new ResultEvent(UUID.randomUUID(), TextStatus.FAILED, null, "boom", null);

    @Test
    void aGroupIsTheEventsBodiesInOrderAndReadsBackAsThem() {
        byte[] body = ResultGroupCodec.encode(List.of(ResultEventCodec.encode(done), ResultEventCodec.encode(failed)));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"results\":[" + new String(ResultEventCodec.encode(done), StandardCharsets.UTF_8) + ","
                        + new String(ResultEventCodec.encode(failed), StandardCharsets.UTF_8) + "]}");

        List<ResultEvent> back = ResultGroupCodec.decode(body);
        assertThat(back).extracting(ResultEvent::id).containsExactly(done.id(), failed.id());
        assertThat(back.get(0).result().prediction()).isEqualTo(estonian);
        assertThat(back.get(0).owner()).isEqualTo(7L);
        assertThat(back.get(0).submittedAt()).isEqualTo(done.submittedAt());
        assertThat(back.get(1).status()).isEqualTo(TextStatus.FAILED);
        assertThat(back.get(1).error()).isEqualTo("boom");
        assertThat(back.get(1).owner()).isNull();
    }

    @Test
    void aBadBodySaysWhatIsWrongAndABadEventNamesItsPlace() {
        assertThatThrownBy(() -> ResultGroupCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a result group");
        assertThatThrownBy(() -> ResultGroupCodec.decode("{\"results\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a result group: \"results\" must be an array");
        byte[] secondBad = ResultGroupCodec.encode(
                List.of(ResultEventCodec.encode(done), "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ResultGroupCodec.decode(secondBad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("results[1]: not a result event")
                .hasMessageContaining("missing \"id\"");
    }
}
