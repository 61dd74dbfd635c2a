package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatesJsonTest {
    @Test
    void candidatesAreAnArrayWithTheApiFieldNamesInOrderNullsIncluded() throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            CandidatesJson.write(
                    out, List.of(new Candidate("ja", "Japanese", "日本語", 0.75), new Candidate("xx", null, null, 0.25)));
        }

        assertThat(text.toString())
                .isEqualTo("[{\"language\":\"ja\",\"name\":\"Japanese\",\"native\":\"日本語\",\"probability\":0.75},"
                        + "{\"language\":\"xx\",\"name\":null,\"native\":null,\"probability\":0.25}]");
    }

    @Test
    void noCandidatesIsAnEmptyArray() throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            CandidatesJson.write(out, List.of());
        }

        assertThat(text.toString()).isEqualTo("[]");
    }

    @Test
    void forPeopleAProbabilityIsTheFloatTheModelComputedForAStoreTheExactDouble() throws Exception {
        List<Candidate> top = List.of(new Candidate("sv", "Swedish", "Svenska", 0.6444f));

        assertThat(written(top, false)).contains("\"probability\":0.6444}");
        assertThat(written(top, true)).contains("\"probability\":" + (double) 0.6444f + "}");
        assertThat(written(List.of(new Candidate("no", "Norwegian", "Norsk", 0.015000000000000013)), true))
                .contains("\"probability\":0.015000000000000013}");
    }

    private static String written(List<Candidate> top, boolean exact) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            if (exact) {
                CandidatesJson.writeExact(out, top);
            } else {
                CandidatesJson.write(out, top);
            }
        }
        return text.toString();
    }
}
