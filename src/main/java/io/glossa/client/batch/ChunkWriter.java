package io.glossa.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a completed chunk in input order: a prediction per answered line, an error object per bad or failed one. */
final class ChunkWriter {
    private ChunkWriter() {}

    static BatchTally write(PendingChunk chunk, PredictionJsonWriter writer) throws IOException {
        BatchTally tally = BatchTally.NONE;
        for (int i = 0; i < chunk.lines.size(); i++) {
            InputLine line = chunk.lines.get(i);
            String error = line.isBad() ? line.error() : chunk.errors[i];
            JsonNode result = chunk.results[i];
            if (error == null && !"done".equals(result.path("status").asText())) {
                error = "the pipeline failed on this text: "
                        + result.path("error").asText("no reason given");
            }
            if (error != null) {
                writer.writeError(line.number(), error);
                tally = tally.withBadLine(line.number(), error);
            } else {
                writer.write(prediction(result));
                tally = tally.withLine();
            }
        }
        return tally;
    }

    private static Prediction prediction(JsonNode r) {
        List<Candidate> top = new ArrayList<>();
        r.path("top")
                .forEach(c -> top.add(new Candidate(
                        c.path("language").asText(),
                        text(c, "name"),
                        text(c, "native"),
                        c.path("probability").asDouble())));
        return new Prediction(
                r.path("language").asText(),
                text(r, "name"),
                text(r, "native"),
                r.path("probability").asDouble(),
                top);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
