package io.glossa.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.corpus.LabeledText;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {
    @Test
    void carriesTheContractFieldsInSnakeCase() {
        ScriptedClassifier c = new ScriptedClassifier()
                .answer("a1", "a", 0.9)
                .answer("a2", "b", 0.6)
                .unknown("b1", "a", 0.2);
        EvaluationResult r = new Evaluator(1)
                .evaluate(
                        c, List.of(new LabeledText("a", "a1"), new LabeledText("a", "a2"), new LabeledText("b", "b1")));

        JsonNode json = EvaluationJson.toJson(r);

        assertThat(json.get("n").asInt()).isEqualTo(3);
        assertThat(json.get("macro_accuracy").asDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(json.get("micro_accuracy").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(json.get("texts_per_second").asDouble()).isPositive();
        assertThat(json.get("per_label").get("a").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(json.get("per_label").get("b").asDouble()).isZero();
        assertThat(json.get("unknown").asInt()).isEqualTo(1);
        assertThat(json.get("per_label_detail")
                        .get("b")
                        .get("top_confusions")
                        .get("unknown")
                        .asInt())
                .isEqualTo(1);
        assertThat(json.get("confusion_matrix").get("columns").toString()).isEqualTo("[\"a\",\"b\",\"unknown\"]");
        assertThat(json.get("confusion_matrix").get("counts").toString()).isEqualTo("[[1,1,0],[0,0,1]]");
        assertThat(json.get("calibration").get("reliability")).hasSize(10);
        assertThat(json.get("ece").asDouble()).isEqualTo(r.calibration().ece());
        assertThat(json.get("model_version").asText()).isEqualTo("scripted-1");
    }
}
