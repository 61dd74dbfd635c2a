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
}
