package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.TextRecord;
import io.glossa.pipeline.TextStatus;
import io.glossa.testing.SamplePredictions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TextJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TextJson texts = new TextJson(JSON);
    private final UUID id = UUID.fromString("0190f2a4-0000-7000-8000-000000000001");
    private final Instant submitted = Instant.parse("2026-12-07T18:00:00.123Z");
    private final Instant completed = Instant.parse("2026-12-07T18:00:00.131Z");
    private final Prediction swedish = SamplePredictions.SWEDISH;

    @Test
    void aDoneEventIsTheResourceAGetAnswersFieldForField() throws Exception {
        ResultEvent event =
                new ResultEvent(id, TextStatus.DONE, new Result(id, swedish, "v7", completed, 5), null, submitted);
        TextRecord record =
                new TextRecord(id, TextStatus.DONE, Lane.REALTIME, swedish, "v7", submitted, completed, null);

        String expected = "{\"id\":\"0190f2a4-0000-7000-8000-000000000001\",\"status\":\"done\",\"language\":\"sv\","
                + "\"name\":\"Swedish\",\"native\":\"Svenska\",\"probability\":0.91,\"top\":["
                + "{\"language\":\"sv\",\"name\":\"Swedish\",\"native\":\"Svenska\",\"probability\":0.91},"
                + "{\"language\":\"da\",\"name\":\"Danish\",\"native\":\"Dansk\",\"probability\":0.06}],"
                + "\"model_version\":\"v7\",\"submitted_at\":\"2026-12-07T18:00:00.123Z\","
                + "\"completed_at\":\"2026-12-07T18:00:00.131Z\"}";
        assertThat(JSON.writeValueAsString(texts.event(event))).isEqualTo(expected);
        assertThat(JSON.writeValueAsString(texts.record(record))).isEqualTo(expected);
    }

    @Test
    void aFailedEventHasNullPredictionFieldsAndItsError() throws Exception {
        ResultEvent event = new ResultEvent(id, TextStatus.FAILED, null, "bad \"input\"", null);

        assertThat(JSON.writeValueAsString(texts.event(event)))
                .isEqualTo("{\"id\":\"0190f2a4-0000-7000-8000-000000000001\",\"status\":\"failed\","
                        + "\"language\":null,\"name\":null,\"native\":null,\"probability\":null,\"top\":null,"
                        + "\"model_version\":null,\"submitted_at\":null,\"completed_at\":null,"
                        + "\"error\":\"bad \\\"input\\\"\"}");
    }
}
