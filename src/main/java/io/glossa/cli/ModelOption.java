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

    /** The file's bytes as they are (to register them unchanged); the built-in model's without --model. */
    public byte[] bytes() {
        try {
            if (model != null) {
                return java.nio.file.Files.readAllBytes(model);
            }
            try (java.io.InputStream in = LanguageModel.class.getResourceAsStream(LanguageModel.DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new UserError("the built-in model is missing from this build; pass --model FILE");
                }
                return in.readAllBytes();
            }
        } catch (java.io.IOException e) {
            throw new UserError("cannot read model " + (model == null ? "(built-in)" : model) + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return model;
    }
}
