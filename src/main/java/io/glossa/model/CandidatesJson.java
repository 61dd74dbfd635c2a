package io.glossa.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The one JSON form of a prediction's candidates, {@code [{"language","name","native","probability"}]}: the HTTP
 * API, the result events and the store's top-k column all write it here, so they cannot drift apart.
 */
public final class CandidatesJson {
    private CandidatesJson() {}

    /** Writes the array at the generator's position (after a field name, or as a whole document), for people. */
    public static void write(JsonGenerator out, List<Candidate> top) throws IOException {
        write(out, top, false);
    }

    /**
     * The same with every probability written as the exact double it is, for a store that must give back what it
     * was given (an answer's probabilities are floats, which {@link #write} writes shorter).
     */
    public static void writeExact(JsonGenerator out, List<Candidate> top) throws IOException {
        write(out, top, true);
    }

    private static void write(JsonGenerator out, List<Candidate> top, boolean exact) throws IOException {
        out.writeStartArray();
        for (Candidate candidate : top) {
            out.writeStartObject();
            out.writeStringField("language", candidate.language());
            out.writeStringField("name", candidate.name());
            out.writeStringField("native", candidate.nativeName());
            if (exact) {
                out.writeNumberField("probability", candidate.probability());
            } else {
                writeProbability(out, candidate.probability());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /**
     * A {@code "probability"} field, written as the float the model computed it in: {@code 0.6444}, not the double it
     * widens to, {@code 0.6444000124931335}. As exact, a third of the length, and about half the time to format.
     */
    public static void writeProbability(JsonGenerator out, double probability) throws IOException {
        out.writeNumberField("probability", (float) probability);
    }
}
