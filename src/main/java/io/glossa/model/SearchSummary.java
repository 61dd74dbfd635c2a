package io.glossa.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.glossa.features.FeatureParams;

/** The randomized search that chose the model's parameters: its size and the best parameters with their CV score. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchSummary(
        int trials, int folds, long seed, double cvScore, FeatureParams bestFeatures, TrainingParams bestTraining) {}
