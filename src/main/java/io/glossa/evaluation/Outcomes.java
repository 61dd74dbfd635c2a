package io.glossa.evaluation;

import io.glossa.model.Candidate;
import io.glossa.model.Prediction;

/**
 * The raw answers of one run, index-aligned with the input. Each slot is written by exactly one worker,
 * so filling it from several threads needs no locking and the result does not depend on scheduling.
 */
final class Outcomes {
    final String[] predicted;
    final String[] best;
    final double[] bestProbability;

    Outcomes(int n) {
        predicted = new String[n];
        best = new String[n];
        bestProbability = new double[n];
    }

    void record(int i, Prediction prediction) {
        predicted[i] = prediction.language();
        if (prediction.top().isEmpty()) {
            best[i] = null;
            bestProbability[i] = Double.NaN;
        } else {
            Candidate first = prediction.top().get(0);
            best[i] = first.language();
            bestProbability[i] = first.probability();
        }
    }

    int size() {
        return predicted.length;
    }
}
