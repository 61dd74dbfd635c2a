package io.glossa.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real sentences from the shared data (../shared/data), for end-to-end runs. */
final class TestTexts {
    private TestTexts() {}

    static Path sharedData() {
        return io.glossa.testing.SharedData.dir();
    }

    static List<String> sentences(int count) {
        Path file = sharedData().resolve("leipzig_sentences.tsv");
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> texts = new ArrayList<>(count);
            // every 37th line walks through all languages instead of the first one only
            for (int i = 0; texts.size() < count; i++) {
                String line = all.get((i * 37) % all.size());
                texts.add(line.substring(line.indexOf('\t') + 1));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("the shared data is needed: " + file, e);
        }
    }

    /** The model to serve: -Dglossa.model=FILE, else the built-in one. */
    static List<String> modelArgs() {
        String model = System.getProperty("glossa.model");
        return model == null || model.isBlank() ? List.of() : List.of("--model", model);
    }
}
