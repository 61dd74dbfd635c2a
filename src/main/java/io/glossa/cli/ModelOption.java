package io.glossa.cli;

import io.glossa.model.LanguageModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model FILE} option every command that classifies shares; without it, the model in the jar. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model file (default: the model built into glossa).")
    Path model;

    public LanguageModel load() {
        return model == null ? LanguageModel.loadDefault() : LanguageModel.load(model);
    }

    public Path path() {
        return model;
    }
}
