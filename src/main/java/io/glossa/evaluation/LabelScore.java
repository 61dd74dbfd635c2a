package io.glossa.evaluation;

import java.util.List;

/**
 * Accuracy on the texts of one expected label.
 *
 * @param unknown how many of its texts got {@code unknown} (already counted as wrong)
 * @param topConfusions the most frequent wrong answers, most frequent first
 */
public record LabelScore(String label, int n, int correct, int unknown, List<Confusion> topConfusions) {
    public LabelScore {
        topConfusions = List.copyOf(topConfusions);
    }

    public double accuracy() {
        return n == 0 ? 0.0 : (double) correct / n;
    }
}
