package io.glossa.training;

import io.glossa.model.LanguageModel;
import io.glossa.model.ModelMetadata;
import io.glossa.model.ModelWeights;

/** The output of training: what goes into the model file. */
public record TrainedModel(ModelMetadata metadata, ModelWeights weights) {
    public LanguageModel toLanguageModel() {
        return new LanguageModel(metadata, weights);
    }
}
