package io.glossa.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How the weights were fitted (stored in the model as provenance and searched over by {@code train --search}).
 *
 * @param epochs passes of SGD over the (augmented) training set
 * @param learningRate AdaGrad base step
 * @param l2 L2 penalty per example on the weights an example touches
 * @param fragmentsPerText short fragments (1..maxFragmentWords words) cut from every training text
 * @param maxFragmentWords the longest fragment in words
 * @param seed for the dev split, augmentation and shuffling
 * @param devFraction share of each label held out for calibration and dev scores
 * @param textWeight the loss weight of a whole training text against one fragment of it (1: alike). Many fragments
 *        per text teach short inputs, but leave whole sentences a small share of each label's weight; this gives it
 *        back. Models written before it existed were trained with 1.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingParams(
        int epochs,
        double learningRate,
        double l2,
        int fragmentsPerText,
        int maxFragmentWords,
        long seed,
        double devFraction,
        double textWeight) {
    public static final TrainingParams DEFAULT = new TrainingParams(5, 0.2, 1e-6, 10, 3, 42, 0.1, 1);
    /** The most a whole text may weigh against one fragment: beyond that the fragments teach next to nothing. */
    public static final double MAX_TEXT_WEIGHT = 100;

    public TrainingParams {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0");
        }
        if (l2 < 0) {
            throw new IllegalArgumentException("l2 must be >= 0");
        }
        if (fragmentsPerText < 0 || maxFragmentWords < 1) {
            throw new IllegalArgumentException("fragments must be >= 0 and max fragment words >= 1");
        }
        if (devFraction < 0 || devFraction >= 1) {
            throw new IllegalArgumentException("dev fraction must be in [0, 1)");
        }
        if (!(textWeight > 0 && textWeight <= MAX_TEXT_WEIGHT)) {
            throw new IllegalArgumentException("text weight must be > 0 and <= " + (int) MAX_TEXT_WEIGHT);
        }
    }

    public TrainingParams withSeed(long newSeed) {
        return new TrainingParams(
                epochs, learningRate, l2, fragmentsPerText, maxFragmentWords, newSeed, devFraction, textWeight);
    }

    public TrainingParams withDevFraction(double fraction) {
        return new TrainingParams(
                epochs, learningRate, l2, fragmentsPerText, maxFragmentWords, seed, fraction, textWeight);
    }
}
