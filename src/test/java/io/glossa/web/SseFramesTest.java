package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void framesAreGatheredAndWrittenInOneGoThenTheBufferStartsOver() throws Exception {
        SseFrames frames = new SseFrames(JSON);
        frames.add("result", "a1", JSON.createObjectNode().put("text", "två\nrader"));
        frames.add("result", "b2", JSON.createObjectNode().put("n", 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.writeTo(out);
        String both = "event: result\nid: a1\ndata: {\"text\":\"två\\nrader\"}\n\n"
                + "event: result\nid: b2\ndata: {\"n\":2}\n\n";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(both);
        frames.writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("nothing written twice")
                .isEqualTo(both);
    }

    @Test
    void aBurstIsFullOnceItPassesTheFlushSizeAndNotBefore() throws Exception {
        SseFrames frames = new SseFrames(JSON);
        ObjectNode data = JSON.createObjectNode().put("text", "x".repeat(1000));
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        frames.add("result", "id", data);
        frames.writeTo(one);
        int frameBytes = one.size();
        int added = 0;
        while (!frames.full()) {
            frames.add("result", "id", data);
            added++;
        }
        assertThat((long) (added - 1) * frameBytes).as("not full before").isLessThan(SseFrames.FLUSH_BYTES);
        assertThat((long) added * frameBytes).isGreaterThanOrEqualTo(SseFrames.FLUSH_BYTES);
    }
}
