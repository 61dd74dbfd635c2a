package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.model.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopCandidatesJsonTest {
    @Test
    void candidatesRoundTripWithTheApiFieldNames() {
        List<Candidate> top = List.of(
                new Candidate("sv", "Swedish", "Svenska", 0.97),
                new Candidate("ja", "Japanese", "日本語", 0.02),
                new Candidate("xx", null, null, 0.01));

        String json = TopCandidatesJson.write(top);

        assertThat(json)
                .startsWith("[{\"language\":\"sv\",\"name\":\"Swedish\",\"native\":\"Svenska\",\"probability\":0.97}");
        assertThat(TopCandidatesJson.read(json)).isEqualTo(top);
        assertThat(TopCandidatesJson.read("[]")).isEmpty();
    }
}
