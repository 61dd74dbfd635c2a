package io.glossa.client.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes predictions as JSON lines straight to a stream, one object per line, without building a tree
 * per text: {@code {"language":"sv","name":"Swedish","native":"Svenska","probability":0.97,"top":[...]}}.
 * Probabilities are rounded to 4 decimals.
 */
public final class PredictionJsonWriter implements AutoCloseable {
    private final JsonGenerator json;

    public PredictionJsonWriter(OutputStream out) throws IOException {
        // No separator between root values: each object ends with our own '\n' instead.
        json = new JsonFactory().setRootValueSeparator(null).createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public void write(Prediction p) throws IOException {
        json.writeStartObject();
        fields(p.language(), p.name(), p.nativeName(), p.probability());
        json.writeArrayFieldStart("top");
        for (Candidate c : p.top()) {
            json.writeStartObject();
            fields(c.language(), c.name(), c.nativeName(), c.probability());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        newline();
    }

    /** A line that could not be read; keeps the output aligned with the input. */
    public void writeError(long line, String error) throws IOException {
        json.writeStartObject();
        json.writeNumberField("line", line);
        json.writeStringField("error", error);
        json.writeEndObject();
        newline();
    }

    public void flush() throws IOException {
        json.flush();
    }

    private void fields(String language, String name, String nativeName, double probability) throws IOException {
        json.writeStringField("language", language);
        json.writeStringField("name", name);
        json.writeStringField("native", nativeName);
        json.writeNumberField("probability", Math.round(probability * 1e4) / 1e4);
    }

    private void newline() throws IOException {
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
