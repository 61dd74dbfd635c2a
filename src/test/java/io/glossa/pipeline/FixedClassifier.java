package io.glossa.pipeline;

import io.glossa.model.Candidate;
import io.glossa.model.LanguageClassifier;
import io.glossa.model.Prediction;
import java.util.List;

/** A fake of our own LanguageClassifier port: always Swedish, for unit tests of the pipeline services. */
final class FixedClassifier implements LanguageClassifier {
    int calls;

    @Override
    public Prediction predict(CharSequence text, int topK) {
        calls++;
        List<Candidate> top = List.of(
                new Candidate("sv", "Swedish", "Svenska", 0.9),
                new Candidate("no", "Norwegian", "Norsk", 0.06),
                new Candidate("da", "Danish", "Dansk", 0.04));
        return new Prediction("sv", "Swedish", "Svenska", 0.9, top.subList(0, Math.min(topK, top.size())));
    }

    @Override
    public String version() {
        return "test-1";
    }
}
