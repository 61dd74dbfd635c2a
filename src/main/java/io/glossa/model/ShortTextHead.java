package io.glossa.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The provenance of a model's short-text head: a second set of weights over the same features, fitted on one-word
 * fragments, that scores texts of at most {@code maxWords} words. Why: one set of weights cannot serve both single
 * words and sentences; the more one-word fragments it is fitted on, the worse it reads whole sentences.
 *
 * @param maxWords texts of 1..maxWords words are scored by this head, chosen on dev (see {@code choice})
 * @param training how its weights were fitted (fragments of one word)
 * @param trainingExamples examples it was fitted on
 * @param devFragments its scores on one-word fragments of the dev split
 * @param unknownThreshold predictions it scores under this best probability are {@code unknown}
 * @param temperature its softmax temperature, fitted on dev
 * @param priors per-label offsets already added to its bias, fitted on dev
 * @param choice per word count, the macro accuracy of each head on dev fragments of that many words
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShortTextHead(
        int maxWords,
        TrainingParams training,
        long trainingExamples,
        DevScores devFragments,
        double unknownThreshold,
        double temperature,
        Map<String, Double> priors,
        List<WordCountScore> choice) {
    /** The most words a head may take: beyond a few words the main weights read text better. */
    public static final int MAX_WORDS = 3;

    public ShortTextHead {
        if (maxWords < 1 || maxWords > MAX_WORDS) {
            throw new IllegalArgumentException("a short-text head takes 1 to " + MAX_WORDS + " words, not " + maxWords);
        }
        if (training == null) {
            throw new IllegalArgumentException("a short-text head needs its training parameters");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the short-text head's temperature must be > 0, got " + temperature);
        }
        priors = priors == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(priors));
        choice = choice == null ? List.of() : List.copyOf(choice);
    }

    /** Macro accuracy on dev fragments of {@code words} words: of the main weights and of this head. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WordCountScore(int words, double main, double head) {}
}
