package io.glossa.bench;

import io.glossa.model.LanguageModel;

import java.nio.file.Path;

/** The model under test: {@code -Dglossa.model=FILE}, else the default model inside the glossa jar. */
final class BenchModel {
    private BenchModel() {}

    static LanguageModel load() {
        String file = System.getProperty("glossa.model");
        return file == null ? LanguageModel.loadDefault() : LanguageModel.load(Path.of(file));
    }
}
