package io.glossa.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvCorpusReaderTest {
    @TempDir
    Path dir;

    private Path write(byte[] content) throws Exception {
        Path file = dir.resolve("c.tsv");
        Files.write(file, content);
        return file;
    }

    private Path write(String content) throws Exception {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsLabelsAndTextsWithStats() throws Exception {
        Path file = write("sv\tHej världen\nen\tHello\twith tab\r\n\nde\t  Guten Tag  ");
        List<LabeledText> texts = new ArrayList<>();
        CorpusStats stats = new TsvCorpusReader().read(file, texts::add);
        assertThat(texts)
                .containsExactly(
                        new LabeledText("sv", "Hej världen"),
                        new LabeledText("en", "Hello\twith tab"),
                        new LabeledText("de", "Guten Tag"));
        assertThat(stats.lines()).isEqualTo(4);
        assertThat(stats.goodLines()).isEqualTo(3);
        assertThat(stats.badLines()).isZero();
        assertThat(stats.linesPerLabel()).containsEntry("sv", 1L).containsEntry("de", 1L);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(stats.sha256()).isEqualTo(sha);
    }

    @Test
    void reportsBadLinesWithFileLineAndReason() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("sv\tok\nno tab here\n\tempty label\nsv\t   \n".getBytes(StandardCharsets.UTF_8));
        content.writeBytes(new byte[] {'s', 'v', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
        Path file = write(content.toByteArray());
        List<BadLine> bad = new ArrayList<>();
        List<LabeledText> good = new ArrayList<>();
        CorpusStats stats = new TsvCorpusReader(new BadLinePolicy(10, 1.0), bad::add).read(file, good::add);
        assertThat(good).containsExactly(new LabeledText("sv", "ok"));
        assertThat(bad)
                .extracting(BadLine::toString)
                .containsExactly(
                        file + ":2: no tab between label and text",
                        file + ":3: empty label",
                        file + ":4: empty text",
                        file + ":5: invalid UTF-8");
        assertThat(stats.badLines()).isEqualTo(4);
    }

    @Test
    void stopsWhenTooManyLinesAreBad() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 98; i++) {
            sb.append("sv\tbra\n");
        }
        sb.append("broken\nbroken\n");
        Path file = write(sb.toString());
        assertThatThrownBy(() -> new TsvCorpusReader(new BadLinePolicy(1000, 0.01), b -> {}).readAll(file))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("2 of 100 lines are bad (2.0%, more than the allowed 1.0%)")
                .hasMessageContaining(file + ":99: no tab");
        assertThatThrownBy(() -> new TsvCorpusReader(new BadLinePolicy(1, 1.0), b -> {}).readAll(file))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("too many bad lines (more than 1)");
        assertThat(new TsvCorpusReader(new BadLinePolicy(1000, 0.02), b -> {}).readAll(file))
                .hasSize(98);
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> new TsvCorpusReader().readAll(dir.resolve("nope.tsv")))
                .isInstanceOf(CorpusException.class)
                .hasMessage("file not found: " + dir.resolve("nope.tsv"));
        assertThatThrownBy(() -> new TsvCorpusReader().readAll(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void readsLinesLongerThanTheReadBuffer() throws Exception {
        String longText = "ord ".repeat(50_000).trim();
        Path file = write("sv\t" + longText + "\nda\tkort");
        assertThat(new TsvCorpusReader().readAll(file))
                .extracting(LabeledText::text)
                .containsExactly(longText, "kort");
    }
}
