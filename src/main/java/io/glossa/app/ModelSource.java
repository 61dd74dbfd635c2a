package io.glossa.app;

import io.glossa.model.LanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a role's model comes from: a model file, or (empty) the model built into glossa. */
public record ModelSource(Optional<Path> file) {
    public ModelSource {
        file = file == null ? Optional.empty() : file;
    }

    public static ModelSource builtIn() {
        return new ModelSource(Optional.empty());
    }

    /** @param file null for the built-in model */
    public static ModelSource of(Path file) {
        return new ModelSource(Optional.ofNullable(file));
    }

    public LanguageModel load() {
        return file.map(LanguageModel::load).orElseGet(LanguageModel::loadDefault);
    }

    /** The file's bytes as they are (to register them unchanged); the built-in model's without a file. */
    public byte[] bytes() {
        try {
            if (file.isPresent()) {
                return Files.readAllBytes(file.get());
            }
            try (InputStream in = LanguageModel.class.getResourceAsStream(LanguageModel.DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new StartupException("the built-in model is missing from this build; pass --model FILE");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new StartupException(
                    "cannot read model " + file.map(Path::toString).orElse("(built-in)") + ": " + e.getMessage(), e);
        }
    }

    /** For log lines: the file, or "built-in". */
    public String describe() {
        return file.map(Path::toString).orElse("built-in");
    }
}
