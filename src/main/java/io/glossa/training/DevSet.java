package io.glossa.training;

import io.glossa.model.DevScores;
import io.glossa.model.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/** Raw scores of the quantised model on held-out texts, so calibration can try temperatures cheaply. */
record DevSet(float[][] scores, int[] targets) {
    static DevSet of(LanguageModel model, List<String> texts, int[] targets) {
        LanguageModel.Scratch scratch = model.newScratch();
        float[][] scores = new float[texts.size()][];
        for (int i = 0; i < scores.length; i++) {
            float[] s = new float[model.labelCount()];
            // A letterless text keeps null scores: it is always unknown (wrong) and says nothing about temperature.
            scores[i] = model.rawScores(texts.get(i), s, scratch) == 0 ? null : s;
        }
        return new DevSet(scores, targets.clone());
    }

    /** Adds {@code offsets} to every text's scores, in place (the fitted priors, see PriorFit). */
    void shift(float[] offsets) {
        for (float[] s : scores) {
            if (s != null) {
                for (int k = 0; k < offsets.length; k++) {
                    s[k] += offsets[k];
                }
            }
        }
    }

    static DevSet concat(DevSet a, DevSet b) {
        float[][] s = new float[a.scores.length + b.scores.length][];
        System.arraycopy(a.scores, 0, s, 0, a.scores.length);
        System.arraycopy(b.scores, 0, s, a.scores.length, b.scores.length);
        int[] t = new int[s.length];
        System.arraycopy(a.targets, 0, t, 0, a.targets.length);
        System.arraycopy(b.targets, 0, t, a.targets.length, b.targets.length);
        return new DevSet(s, t);
    }

    /** Only the texts that have letters (the others are unknown whatever the temperature). */
    DevSet scorable() {
        List<float[]> s = new ArrayList<>();
        List<Integer> t = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null) {
                s.add(scores[i]);
                t.add(targets[i]);
            }
        }
        return new DevSet(
                s.toArray(new float[0][]),
                t.stream().mapToInt(Integer::intValue).toArray());
    }

    float[] maxProbabilities(double temperature) {
        List<Float> out = new ArrayList<>();
        for (float[] s : scores) {
            if (s != null) {
                out.add(maxProbability(s, temperature, null));
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    DevScores score(List<String> labels, double temperature, double threshold) {
        ScoreAccumulator acc = new ScoreAccumulator(labels);
        int[] argmax = new int[1];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == null) {
                acc.add(targets[i], -1, 0, false);
                continue;
            }
            float p = maxProbability(scores[i], temperature, argmax);
            int predicted = p < threshold ? -1 : argmax[0];
            acc.add(targets[i], predicted, p, argmax[0] == targets[i]);
        }
        return acc.scores();
    }

    private static float maxProbability(float[] s, double temperature, int[] argmax) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        double sum = 0;
        for (float v : s) {
            sum += Math.exp((v - s[best]) / temperature);
        }
        if (argmax != null) {
            argmax[0] = best;
        }
        return (float) (1 / sum);
    }
}
