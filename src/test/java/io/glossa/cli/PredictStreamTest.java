package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.Candidate;
import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Test double: the "language" is the text itself; empty text is unknown with no candidates. */
    private static final LanguageClassifier ECHO = new LanguageClassifier() {
        @Override
        public Prediction predict(CharSequence text, int topK) {
            if (text.length() == 0) {
                return new Prediction(Prediction.UNKNOWN, null, null, 0.0, List.of());
            }
            String s = text.toString();
            List<Candidate> top = new ArrayList<>();
            for (int i = 0; i < topK; i++) {
                top.add(new Candidate(s + i, "Name" + i, "Native" + i, 0.123456 / (i + 1)));
            }
            return new Prediction(s + 0, "Name0", "Native0", 0.123456, top);
        }

        @Override
        public String version() {
            return "echo";
        }
    };

    private static List<JsonNode> run(byte[] input, int topK) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PredictStream(ECHO, topK).run(new ByteArrayInputStream(input), out);
        List<JsonNode> nodes = new ArrayList<>();
        String text = out.toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            assertThat(text).endsWith("\n");
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                assertThat(line).doesNotStartWith(" ");
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void writesOneJsonLinePerInputLineInOrder() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            in.append("text ").append(i).append('\n');
        }
        List<JsonNode> out = run(in.toString().getBytes(StandardCharsets.UTF_8), 1);

        assertThat(out).hasSize(20_000);
        for (int i = 0; i < out.size(); i += 997) {
            assertThat(out.get(i).get("language").asText()).isEqualTo("text " + i + "0");
        }
        assertThat(out.get(19_999).get("language").asText()).isEqualTo("text 199990");
    }

    @Test
    void writesTheContractFieldsWithTopKAndRoundedProbabilities() throws IOException {
        JsonNode p = run("Hej\n".getBytes(StandardCharsets.UTF_8), 2).get(0);

        assertThat(p.get("language").asText()).isEqualTo("Hej0");
        assertThat(p.get("name").asText()).isEqualTo("Name0");
        assertThat(p.get("native").asText()).isEqualTo("Native0");
        assertThat(p.get("probability").asDouble()).isEqualTo(0.1235);
        assertThat(p.get("top")).hasSize(2);
        assertThat(p.get("top").get(1).get("language").asText()).isEqualTo("Hej1");
        assertThat(p.get("top").get(1).get("probability").asDouble()).isEqualTo(0.0617);
    }

    @Test
    void emptyLinesGetAnAnswerSoLinesStayAligned() throws IOException {
        List<JsonNode> out = run("a\n\n\nb\n".getBytes(StandardCharsets.UTF_8), 1);

        assertThat(out).extracting(n -> n.get("language").asText()).containsExactly("a0", "unknown", "unknown", "b0");
    }

    @Test
    void lastLineWithoutNewlineCrlfAndBomAreHandled() throws IOException {
        byte[] in = "\uFEFFa\r\nb".getBytes(StandardCharsets.UTF_8);

        assertThat(run(in, 1)).extracting(n -> n.get("language").asText()).containsExactly("a0", "b0");
        assertThat(run(new byte[0], 1)).isEmpty();
    }

    @Test
    void invalidUtf8LineBecomesAnErrorObjectWithItsNumberAndTheRestGoesOn() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("ok\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {'a', 'b', (byte) 0xC3, '(', '\n'});
        in.writeBytes("svenska är fint\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {'x', (byte) 0xE2, (byte) 0x82}); // truncated at end of stream

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PredictStream.Summary summary = new PredictStream(ECHO, 1).run(new ByteArrayInputStream(in.toByteArray()), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");

        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines[1]).get("line").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(lines[1]).get("error").asText()).isEqualTo("invalid UTF-8 at byte 3");
        assertThat(JSON.readTree(lines[2]).get("language").asText()).isEqualTo("svenska är fint0");
        assertThat(JSON.readTree(lines[3]).get("error").asText()).isEqualTo("invalid UTF-8 at byte 2");
        assertThat(summary).isEqualTo(new PredictStream.Summary(4, 2, 2, "invalid UTF-8 at byte 3"));
    }

    @Test
    void overlongLineIsReportedAndSkippedWithoutHoldingIt() throws IOException {
        byte[] big = new byte[PredictStream.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(big);
        in.writeBytes("\nnext\n".getBytes(StandardCharsets.UTF_8));

        List<JsonNode> out = run(in.toByteArray(), 1);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).get("error").asText()).startsWith("line longer than");
        assertThat(out.get(1).get("language").asText()).isEqualTo("next0");
    }
}
