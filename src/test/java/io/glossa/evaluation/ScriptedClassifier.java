package io.glossa.evaluation;

import io.glossa.model.Candidate;
import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test double of our own interface: answers exactly what the test scripted for each text. */
final class ScriptedClassifier implements LanguageClassifier {
    private final Map<String, Prediction> answers = new HashMap<>();

    /** The text gets {@code language} with this probability as its best candidate. */
    ScriptedClassifier answer(String text, String language, double probability) {
        answers.put(
                text,
                new Prediction(
                        language,
                        language,
                        language,
                        probability,
                        List.of(new Candidate(language, language, language, probability))));
        return this;
    }

    /** The text gets {@code unknown}; the best candidate is still reported. */
    ScriptedClassifier unknown(String text, String bestCandidate, double probability) {
        answers.put(
                text,
                new Prediction(
                        Prediction.UNKNOWN,
                        null,
                        null,
                        probability,
                        List.of(new Candidate(bestCandidate, bestCandidate, bestCandidate, probability))));
        return this;
    }

    /** The text gets {@code unknown} with no candidate at all (e.g. no letters). */
    ScriptedClassifier empty(String text) {
        answers.put(text, new Prediction(Prediction.UNKNOWN, null, null, 0.0, List.of()));
        return this;
    }

    @Override
    public Prediction predict(CharSequence text, int topK) {
        Prediction p = answers.get(text.toString());
        if (p == null) {
            throw new IllegalStateException("no scripted answer for " + text);
        }
        return p;
    }

    @Override
    public String version() {
        return "scripted-1";
    }
}
