package io.glossa.model;

import java.util.ArrayList;
import java.util.List;

/** Turns a model's label indices and probabilities into the {@link Prediction}s and candidates people read. */
final class LabelDescriptions {
    private final List<LabelInfo> labels;

    LabelDescriptions(List<LabelInfo> labels) {
        this.labels = labels;
    }

    static Prediction unknown(double probability, List<Candidate> top) {
        return new Prediction(Prediction.UNKNOWN, Prediction.UNKNOWN, Prediction.UNKNOWN, probability, top);
    }

    /** Label {@code index} as the answer; its native name may depend on the text's script (Serbian). */
    Prediction known(int index, CharSequence text, double probability, List<Candidate> top) {
        LabelInfo info = labels.get(index);
        return new Prediction(info.code(), info.name(), info.nativeNameFor(text), probability, top);
    }

    /** The {@code k} most probable labels, best first. */
    List<Candidate> top(CharSequence text, float[] probabilities, int k) {
        int labelCount = labels.size();
        int n = Math.min(k, labelCount);
        List<Candidate> out = new ArrayList<>(n);
        boolean[] taken = new boolean[labelCount];
        for (int r = 0; r < n; r++) {
            int best = -1;
            for (int c = 0; c < labelCount; c++) {
                if (!taken[c] && (best < 0 || probabilities[c] > probabilities[best])) {
                    best = c;
                }
            }
            taken[best] = true;
            LabelInfo info = labels.get(best);
            out.add(new Candidate(info.code(), info.name(), info.nativeNameFor(text), probabilities[best]));
        }
        return out;
    }
}
