package io.glossa.cli;

import io.glossa.model.LanguageModel;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model MODEL} option shared by every command that classifies; the built-in model otherwise. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model file to use (default: the model built into glossa).")
    Path model;

    /** Loads the chosen model; a missing or broken file fails with a {@code ModelFormatException} for the user. */
    public LanguageModel load() {
        return model == null ? LanguageModel.loadDefault() : LanguageModel.load(model);
    }

    /** How the model was chosen, for messages and reports. */
    public String describe() {
        return model == null ? "built-in model" : model.toString();
    }
}
