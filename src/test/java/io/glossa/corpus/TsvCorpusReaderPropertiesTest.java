package io.glossa.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.NastyJson;
import io.glossa.testing.NastyText;
import io.glossa.testing.Property;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any bytes as a corpus file: good lines, or bad lines reported as file:line, or a CorpusException — nothing else. */
class TsvCorpusReaderPropertiesTest {
    @TempDir
    Path dir;

    /** Lines that are mostly almost right: label, tab, text, with random bytes, missing tabs, CRs and blanks. */
    private static byte[] corpus(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int line = random.nextInt(60); line > 0; line--) {
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes(NastyJson.randomBytes(random, random.nextInt(80)));
                case 1 ->
                    out.writeBytes(NastyText.of(random, random.nextInt(40)).getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes(" \r".getBytes(StandardCharsets.UTF_8));
                default ->
                    out.writeBytes(
                            ("sv\t" + NastyText.of(random, 1 + random.nextInt(40))).getBytes(StandardCharsets.UTF_8));
            }
            if (random.nextInt(10) > 0) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Test
    void everyBadLineIsReportedWithItsFileAndLine() {
        Property.forAll(500, TsvCorpusReaderPropertiesTest::corpus, bytes -> {
            Path file = dir.resolve("corpus.tsv");
            Files.write(file, bytes);
            List<BadLine> bad = new ArrayList<>();
            List<LabeledText> good = new ArrayList<>();
            CorpusStats stats =
                    new TsvCorpusReader(new BadLinePolicy(Long.MAX_VALUE, 1.0), bad::add).read(file, good::add);

            assertThat(stats.goodLines()).isEqualTo(good.size());
            assertThat(stats.badLines()).isEqualTo(bad.size());
            assertThat(stats.goodLines() + stats.badLines()).isLessThanOrEqualTo(stats.lines());
            assertThat(bad).allSatisfy(b -> {
                assertThat(b.file()).isEqualTo(file.toString());
                assertThat(b.lineNumber()).isBetween(1L, stats.lines());
                assertThat(b.toString()).startsWith(file + ":" + b.lineNumber() + ": ");
                assertThat(b.reason()).isNotBlank();
            });
            assertThat(good).allSatisfy(t -> {
                assertThat(t.label()).isNotBlank().doesNotContain("\t");
                assertThat(t.text()).isNotBlank();
            });
        });
    }

    @Test
    void underTheDefaultPolicyAFileIsReadOrRefusedWithItsName() {
        Property.forAll(500, TsvCorpusReaderPropertiesTest::corpus, bytes -> {
            Path file = dir.resolve("strict.tsv");
            Files.write(file, bytes);
            try {
                new TsvCorpusReader().read(file, t -> {});
            } catch (CorpusException e) {
                assertThat(e.getMessage()).startsWith(file.toString());
            }
        });
    }
}
