package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void framesAreGatheredAndWrittenInOneGoThenTheBufferStartsOver() throws Exception {
        SseFrames frames = new SseFrames(JSON);
        assertThat(frames.isEmpty()).isTrue();
        frames.add("result", "a1", JSON.createObjectNode().put("text", "två\nrader"));
        frames.add("result", "b2", JSON.createObjectNode().put("n", 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "event: result\nid: a1\ndata: {\"text\":\"två\\nrader\"}\n\n"
                        + "event: result\nid: b2\ndata: {\"n\":2}\n\n");
        assertThat(frames.isEmpty()).isTrue();
        frames.writeTo(out);
        assertThat(out.size()).as("nothing written twice").isEqualTo(
                ("event: result\nid: a1\ndata: {\"text\":\"två\\nrader\"}\n\n").getBytes(StandardCharsets.UTF_8).length
                        + "event: result\nid: b2\ndata: {\"n\":2}\n\n".length());
    }

    @Test
    void aBurstIsFullOnceItPassesTheFlushSize() throws Exception {
        SseFrames frames = new SseFrames(JSON);
        String big = "x".repeat(1000);
        int added = 0;
        while (!frames.full()) {
            frames.add("result", "id" + added, JSON.createObjectNode().put("text", big));
            added++;
        }
        assertThat(added).isEqualTo(SseFrames.FLUSH_BYTES / (1000 + 40) + 1);
    }
}
