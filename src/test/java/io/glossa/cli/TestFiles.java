package io.glossa.cli;

import io.glossa.model.LanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inputs for the CLI integration tests: slices of ../shared/data and copies of the default model. */
final class TestFiles {
    private TestFiles() {}

    static Path sharedData() {
        return io.glossa.testing.SharedData.dir();
    }

    /** The first {@code perLabel} lines of each label of a shared data file, in file order. */
    static List<String> slice(String file, int perLabel) throws IOException {
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(sharedData().resolve(file), StandardCharsets.UTF_8)) {
            String label = line.substring(0, line.indexOf('\t'));
            if (taken.merge(label, 1, Integer::sum) <= perLabel) {
                out.add(line);
            }
        }
        return out;
    }

    static Path write(Path dir, String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    static byte[] defaultModelBytes() throws IOException {
        try (InputStream in = LanguageModel.class.getResourceAsStream(LanguageModel.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default model resource missing");
            }
            return in.readAllBytes();
        }
    }
}
