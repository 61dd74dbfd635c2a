package io.glossa.training;

import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.ModelMetadata;
import io.glossa.model.ModelWeights;

/** The output of training: what goes into the model file ({@code shortText} null when it has no short-text head). */
public record TrainedModel(ModelMetadata metadata, ModelWeights weights, ModelWeights shortText) {
    public TrainedModel(ModelMetadata metadata, ModelWeights weights) {
        this(metadata, weights, null);
    }

    public LanguageModel toLanguageModel() {
        return new LanguageModel(metadata, weights, shortText);
    }

    public ModelFile.Contents contents() {
        return new ModelFile.Contents(metadata, weights, shortText);
    }
}
