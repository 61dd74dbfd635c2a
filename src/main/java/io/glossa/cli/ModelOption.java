package io.glossa.cli;

import io.glossa.app.ModelSource;
import io.glossa.model.LanguageModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model FILE} option every command that classifies shares; without it, the model in the jar. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "MODEL", description = "Model file (default: the model built into glossa).")
    Path model;

    public LanguageModel load() {
        return source().load();
    }

    /** The file's bytes as they are (to register them unchanged); the built-in model's without --model. */
    public byte[] bytes() {
        return source().bytes();
    }

    public ModelSource source() {
        return ModelSource.of(model);
    }

    public Path path() {
        return model;
    }
}
