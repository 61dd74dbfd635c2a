package io.glossa.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java client's SSE reading: frames as glossa's /api/v1/events writes them, keep-alives, split data lines. */
class EventStreamTest {
    @Test
    void eachFrameBecomesOneResultAndCommentsAreSkipped() {
        String stream = """
                : keep-alive

                event: result
                id: 0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a11
                data: {"id":"0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a11","status":"done","language":"sv","probability":0.93,
                data: "top":[{"language":"sv","name":"Swedish","probability":0.93}],"model_version":"m1","error":null}

                event: result
                data: {"id":"1c2d3e4f-2f5c-4c36-9f3e-0d8f5d3b6a11","status":"failed","language":null,"top":[],"error":"boom"}

                """;
        List<TextResult> results = new ArrayList<>();
        EventStream.read(
                new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), results::add, new ObjectMapper());

        assertThat(results).hasSize(2);
        TextResult done = results.get(0);
        assertThat(done.language()).isEqualTo("sv");
        assertThat(done.top())
                .singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Swedish"));
        assertThat(done.modelVersion()).isEqualTo("m1");
        TextResult failed = results.get(1);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.language()).isNull();
        assertThat(failed.error()).isEqualTo("boom");
    }
}
