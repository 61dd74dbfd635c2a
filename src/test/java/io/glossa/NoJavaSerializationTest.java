package io.glossa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Models and messages are untrusted bytes: Java deserialization must never appear in the main code. */
class NoJavaSerializationTest {
    private static final List<String> FORBIDDEN = List.of("ObjectInputStream", "ObjectOutputStream", "readObject(");

    @Test
    void mainSourcesNeverUseJavaSerialization() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<String> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(NoJavaSerializationTest::mentionsSerialization)
                    .map(Path::toString)
                    .collect(Collectors.toList());
            assertThat(offenders).as("files using Java serialization").isEmpty();
        }
    }

    private static boolean mentionsSerialization(Path file) {
        try {
            String source = Files.readString(file);
            return FORBIDDEN.stream().anyMatch(source::contains);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
