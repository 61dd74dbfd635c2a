package io.glossa.training;

import io.glossa.corpus.LabeledText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reproducible split of labelled texts by a hash of (seed, label, index of the text within its label), so the
 * same files and seed always give the same split, each label loses about the same fraction, and the split does
 * not depend on file order across labels. Also assigns K-fold cross-validation folds the same way.
 */
public final class DevSplit {
    private DevSplit() {}

    /** Texts split into {@code train} and {@code dev}. */
    public record Split(List<LabeledText> train, List<LabeledText> dev) {}

    public static Split split(List<LabeledText> texts, double devFraction, long seed) {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> dev = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LabeledText t : texts) {
            int index = seen.merge(t.label(), 1, Integer::sum) - 1;
            (uniform(seed, t.label(), index) < devFraction ? dev : train).add(t);
        }
        return new Split(train, dev);
    }

    /** Fold (0..folds-1) of every text, in order. */
    public static int[] folds(List<LabeledText> texts, int folds, long seed) {
        int[] out = new int[texts.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            LabeledText t = texts.get(i);
            int index = seen.merge(t.label(), 1, Integer::sum) - 1;
            out[i] = (int) (uniform(seed ^ 0x5DEECE66DL, t.label(), index) * folds);
        }
        return out;
    }

    static double uniform(long seed, String label, int index) {
        long h = mix64(seed * 0x9E3779B97F4A7C15L + label.hashCode());
        h = mix64(h ^ index);
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
