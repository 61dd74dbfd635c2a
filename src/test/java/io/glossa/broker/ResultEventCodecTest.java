package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextStatus;
import io.glossa.testing.SamplePredictions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultEventCodecTest {
    final UUID id = UUID.randomUUID();
    final Instant submitted = Instant.parse("2026-11-26T08:00:00.123Z");
    final Instant completed = Instant.parse("2026-11-26T08:00:00.145Z");
    final Prediction swedish = SamplePredictions.SWEDISH;

    @Test
    void doneEventHasTheShapeOfTheHttpResource() throws Exception {
        ResultEvent event = new ResultEvent(
                id, TextStatus.DONE, new Result(id, swedish, "2026.11.1", completed, 5), null, submitted);
        JsonNode json = new ObjectMapper().readTree(ResultEventCodec.encode(event));
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "status",
                        "language",
                        "name",
                        "native",
                        "probability",
                        "top",
                        "model_version",
                        "submitted_at",
                        "completed_at",
                        "error");
        assertThat(json.get("status").asText()).isEqualTo("done");
        assertThat(json.get("native").asText()).isEqualTo("Svenska");
        assertThat(json.get("top").get(1).get("language").asText()).isEqualTo("da");
        assertThat(json.get("submitted_at").asText()).isEqualTo("2026-11-26T08:00:00.123Z");
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(event.routingKey()).isEqualTo("done.sv");

        ResultEvent back = ResultEventCodec.decode(ResultEventCodec.encode(event));
        assertThat(back.id()).isEqualTo(id);
        assertThat(back.result().prediction()).isEqualTo(swedish);
        assertThat(back.result().modelVersion()).isEqualTo("2026.11.1");
        assertThat(back.result().completedAt()).isEqualTo(completed);
        assertThat(back.submittedAt()).isEqualTo(submitted);
    }

    @Test
    void theOwnerKeyRoundTripsAndIsAbsentForNobody() throws Exception {
        ResultEvent owned =
                new ResultEvent(id, TextStatus.DONE, new Result(id, swedish, "v1", completed, 5), null, submitted, 42L);
        assertThat(new ObjectMapper()
                        .readTree(ResultEventCodec.encode(owned))
                        .get("owner_key_id")
                        .asLong())
                .isEqualTo(42);
        assertThat(ResultEventCodec.decode(ResultEventCodec.encode(owned)).owner())
                .isEqualTo(42L);
        ResultEvent nobodys = new ResultEvent(id, TextStatus.FAILED, null, "boom", submitted);
        assertThat(new ObjectMapper().readTree(ResultEventCodec.encode(nobodys)).has("owner_key_id"))
                .isFalse();
        assertThat(ResultEventCodec.decode(ResultEventCodec.encode(nobodys)).owner())
                .isNull();
    }

    @Test
    void failedEventCarriesTheErrorAndRoutesAsUnknown() throws Exception {
        ResultEvent event = new ResultEvent(id, TextStatus.FAILED, null, "model exploded", submitted);
        JsonNode json = new ObjectMapper().readTree(ResultEventCodec.encode(event));
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("language").isNull()).isTrue();
        assertThat(json.get("top").size()).isZero();
        assertThat(json.get("error").asText()).isEqualTo("model exploded");
        assertThat(event.routingKey()).isEqualTo("failed.unknown");
        assertThat(ResultEventCodec.decode(ResultEventCodec.encode(event)).error())
                .isEqualTo("model exploded");
    }

    @Test
    void theBodyIsCompactJsonWithEveryFieldInOrderAndEscapedStrings() {
        UUID fixed = UUID.fromString("0190f2a4-0000-7000-8000-000000000001");
        ResultEvent event = new ResultEvent(fixed, TextStatus.FAILED, null, "bad \"text\"\n", submitted, 7L);

        assertThat(new String(ResultEventCodec.encode(event), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"0190f2a4-0000-7000-8000-000000000001\",\"status\":\"failed\",\"language\":null,"
                        + "\"name\":null,\"native\":null,\"probability\":null,\"top\":[],\"model_version\":null,"
                        + "\"submitted_at\":\"2026-11-26T08:00:00.123Z\",\"completed_at\":null,"
                        + "\"error\":\"bad \\\"text\\\"\\n\",\"owner_key_id\":7}");
    }
}
