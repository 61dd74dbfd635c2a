package io.glossa.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.Candidate;
import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class LocalBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Test double: the "language" is the text itself. It sleeps a random moment on some texts so that chunks finish
     * out of order on a pool of threads: the output must still follow the input.
     */
    private static final LanguageClassifier SLOW_ECHO = new LanguageClassifier() {
        @Override
        public Prediction predict(CharSequence text, int topK) {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String s = text.toString();
            return new Prediction(s, "Name", "Native", 0.5, List.of(new Candidate(s, "Name", "Native", 0.5)));
        }

        @Override
        public String version() {
            return "echo";
        }
    };

    private record Run(List<JsonNode> lines, BatchTally tally) {}

    private static Run run(byte[] input, int threads, int chunkLines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineChunks chunks =
                new LineChunks(new Utf8LineReader(new ByteArrayInputStream(input), 1 << 20), chunkLines, 1 << 20);
        BatchTally tally = new LocalBatch(SLOW_ECHO, 1, threads).run(chunks, out, BatchListener.NONE);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(lines, tally);
    }

    @Test
    void outputFollowsInputOrderOnManyThreads() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            input.append("text").append(i).append('\n');
        }
        Run run = run(input.toString().getBytes(StandardCharsets.UTF_8), 8, 7);
        assertThat(run.lines()).hasSize(20_000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(run.lines().get(i).get("language").asText()).isEqualTo("text" + (i + 1));
        }
        assertThat(run.tally()).isEqualTo(new BatchTally(20_000, 0, 0, null));
    }

    @Test
    void badLinesGetAnErrorObjectInTheirPlace() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("eins\n\nzwei\n".getBytes(StandardCharsets.UTF_8));
        input.write(new byte[] {'d', (byte) 0xC3, 'x', '\n'}); // a UTF-8 lead byte without its continuation
        input.write("   \nvier".getBytes(StandardCharsets.UTF_8)); // blank line, last line without '\n'
        Run run = run(input.toByteArray(), 3, 2);

        assertThat(run.lines()).hasSize(6);
        assertThat(run.lines().get(0).get("language").asText()).isEqualTo("eins");
        assertThat(run.lines().get(1).toString()).isEqualTo("{\"line\":2,\"error\":\"empty line\"}");
        assertThat(run.lines().get(2).get("language").asText()).isEqualTo("zwei");
        assertThat(run.lines().get(3).get("line").asLong()).isEqualTo(4);
        assertThat(run.lines().get(3).get("error").asText()).startsWith("invalid UTF-8");
        assertThat(run.lines().get(4).toString()).isEqualTo("{\"line\":5,\"error\":\"empty line\"}");
        assertThat(run.lines().get(5).get("language").asText()).isEqualTo("vier");
        assertThat(run.tally()).isEqualTo(new BatchTally(6, 3, 2, "empty line"));
    }

    @Test
    void emptyInputGivesEmptyOutput() throws Exception {
        Run run = run(new byte[0], 2, 10);
        assertThat(run.lines()).isEmpty();
        assertThat(run.tally()).isEqualTo(BatchTally.NONE);
    }
}
