package io.glossa.testing;

import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import java.util.List;

/** Predictions for tests that check how a result is written (JSON, events), not what the model says. */
public final class SamplePredictions {
    /** Swedish at 0.91 with Danish second: a name, a native name and two candidates to write. */
    public static final Prediction SWEDISH = new Prediction(
            "sv",
            "Swedish",
            "Svenska",
            0.91,
            List.of(new Candidate("sv", "Swedish", "Svenska", 0.91), new Candidate("da", "Danish", "Dansk", 0.06)));

    private SamplePredictions() {}
}
