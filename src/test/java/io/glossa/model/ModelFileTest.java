package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.SyntheticCorpus;
import io.glossa.training.TrainedModel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static TrainedModel trained;
    private static byte[] bytes;

    @BeforeAll
    static void train() {
        trained = SyntheticCorpus.train();
        bytes = ModelFile.toBytes(trained.metadata(), trained.weights());
    }

    @Test
    void roundTripKeepsWeightsMetadataAndPredictions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.glossa");
        ModelFile.write(file, trained.metadata(), trained.weights());
        LanguageModel loaded = LanguageModel.load(file);
        ModelWeights w = ModelFile.read(file).weights();
        assertThat(w.weights()).isEqualTo(trained.weights().weights());
        assertThat(w.rowScale()).isEqualTo(trained.weights().rowScale());
        assertThat(w.idf()).isEqualTo(trained.weights().idf());
        assertThat(w.bias()).isEqualTo(trained.weights().bias());
        assertThat(loaded.labels()).containsExactly("aa", "bb", "cc");
        assertThat(loaded.metadata().sizeBytes()).isEqualTo(Files.size(file));
        assertThat(loaded.metadata()).isEqualTo(trained.metadata().withFileFacts(loaded.version(), Files.size(file)));
        assertThat(loaded.metadata().features()).isEqualTo(trained.metadata().features());
        assertThat(loaded.metadata().training()).isEqualTo(trained.metadata().training());
        assertThat(loaded.metadata().temperature()).isEqualTo(trained.metadata().temperature());
        assertThat(loaded.version()).matches("\\d{4}-\\d{2}-\\d{2}\\.[0-9a-f]{8}");
        LanguageModel inMemory = trained.toLanguageModel();
        for (String text : new String[] {"kakiko turan", "lelisve", "mamuze xopet"}) {
            assertThat(loaded.predict(text, 3)).isEqualTo(inMemory.predict(text, 3));
        }
    }

    @Test
    void aHeaderWrittenBeforeTheTextWeightReadsAsWeightOne() throws Exception {
        ModelMetadata metadata = LanguageModel.fromBytes(bytes).metadata();
        String json =
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(metadata.withFileFacts(null, 0));
        String older = json.replaceFirst(",?\"text_weight\":[0-9.]+", "");
        assertThat(older).isNotEqualTo(json).doesNotContain("text_weight");
        assertThat(MetadataReader.read(older.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .training()
                        .textWeight())
                .isEqualTo(1);
    }

    @Test
    void versionIsDerivedFromContent() {
        assertThat(LanguageModel.fromBytes(bytes).version())
                .isEqualTo(LanguageModel.fromBytes(bytes.clone()).version());
        byte[] other = ModelFile.toBytes(
                trained.metadata(),
                ModelWeights.quantize(
                        3, trained.weights().idf(), new float[trained.weights().weights().length], new float[3]));
        assertThat(LanguageModel.fromBytes(other).version())
                .isNotEqualTo(LanguageModel.fromBytes(bytes).version());
    }

    @Test
    void emptyFileIsNotAModel() {
        assertThatThrownBy(() -> LanguageModel.fromBytes(new byte[0]))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void wrongMagicIsNotAModel() {
        byte[] text = "ar\tمرحبا\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LanguageModel.fromBytes(text))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a glossa model file");
    }

    @Test
    void truncatedFileSaysHowMuchIsMissing() {
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 100);
        assertThatThrownBy(() -> LanguageModel.fromBytes(cut))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is truncated (expected " + bytes.length + " bytes, found " + cut.length + ")");
        assertThatThrownBy(() -> LanguageModel.fromBytes(Arrays.copyOf(bytes, 12)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void flippedByteFailsTheChecksum() {
        for (int at : new int[] {30, bytes.length / 2, bytes.length - 10}) {
            byte[] bad = bytes.clone();
            bad[at] ^= 0x10;
            assertThatThrownBy(() -> LanguageModel.fromBytes(bad))
                    .as("flip at %d", at)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("checksum")
                    .hasMessageContaining("corrupted");
        }
    }

    @Test
    void futureFormatVersionIsRefusedClearly() {
        byte[] future = bytes.clone();
        ByteBuffer.wrap(future).putShort(8, (short) 3);
        assertThatThrownBy(() -> LanguageModel.fromBytes(future))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("written by a newer glossa (format 3; this build reads up to 2)");
    }

    @Test
    void trailingBytesAreReported() {
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 5);
        assertThatThrownBy(() -> LanguageModel.fromBytes(longer))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unexpected bytes at the end");
    }

    @Test
    void hugeLengthFieldIsRejectedWithoutAllocating() {
        // A header length of 2 GB with a valid checksum (as a crafted file would have) must not be allocated.
        byte[] bad = bytes.clone();
        ByteBuffer.wrap(bad).putInt(20, 0x7FFFFFF0);
        fixChecksum(bad);
        assertThatThrownBy(() -> LanguageModel.fromBytes(bad))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void missingFileAndDirectoryAreReported(@TempDir Path dir) {
        assertThatThrownBy(() -> LanguageModel.load(dir.resolve("nope.glossa")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> LanguageModel.load(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("directory");
    }

    @Test
    void writeReplacesAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.glossa");
        Files.writeString(file, "old");
        ModelFile.write(file, trained.metadata(), trained.weights());
        assertThat(Files.size(file)).isGreaterThan(100);
        assertThat(LanguageModel.load(file).labels()).hasSize(3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void headerWithBadFieldsIsCorrupt() {
        ModelMetadata m = trained.metadata();
        byte[] good = ModelFile.toBytes(m, trained.weights());
        String header = new String(good, 24, ByteBuffer.wrap(good).getInt(20), java.nio.charset.StandardCharsets.UTF_8);
        String broken = header.replace("\"bits\":12", "\"bits\":99");
        assertThat(broken).isNotEqualTo(header);
        byte[] bad = withHeader(good, broken);
        assertThatThrownBy(() -> LanguageModel.fromBytes(bad))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("header is not valid")
                .hasMessageContaining("feature bits");
    }

    /** Found by ModelFilePropertiesTest: these casts threw ClassCastException instead of the format error. */
    @Test
    void headerScoresOfTheWrongTypeAreCorruptNotAClassCast() {
        byte[] good = ModelFile.toBytes(trained.metadata(), trained.weights());
        String header = new String(good, 24, ByteBuffer.wrap(good).getInt(20), java.nio.charset.StandardCharsets.UTF_8);
        String perLabel = header.replaceFirst("\"per_label\":\\{\"aa\":[^,}]+", "\"per_label\":{\"aa\":\"high\"");
        String cv = header.replaceFirst("\"cv_score\":[^,}]+", "\"cv_score\":\"good\"");
        assertThat(perLabel).isNotEqualTo(header);
        assertThat(cv).isNotEqualTo(header);
        assertThatThrownBy(() -> LanguageModel.fromBytes(withHeader(good, perLabel)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("per_label.aa");
        assertThatThrownBy(() -> LanguageModel.fromBytes(withHeader(good, cv)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("cv_score");
    }

    private static byte[] withHeader(byte[] file, String header) {
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int oldLength = ByteBuffer.wrap(file).getInt(20);
        ByteBuffer out = ByteBuffer.allocate(file.length - oldLength + h.length);
        out.put(file, 0, 20).putInt(h.length).put(h).put(file, 24 + oldLength, file.length - 24 - oldLength);
        out.putLong(12, out.capacity());
        byte[] b = out.array();
        fixChecksum(b);
        return b;
    }

    @Test
    void negativeOrNonFiniteWeightFactorsAreCorrupt() {
        ModelWeights w = trained.weights();
        float[] scales = w.rowScale().clone();
        scales[7] = -0.5f;
        float[] idf = w.idf().clone();
        idf[3] = Float.NaN;
        float[] bias = w.bias().clone();
        bias[1] = Float.POSITIVE_INFINITY;

        assertThatThrownBy(() -> ModelFile.read(
                        "m",
                        ModelFile.toBytes(
                                trained.metadata(),
                                new ModelWeights(w.labels(), w.idf(), scales, w.weights(), w.bias()))))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("scale of bucket 7 is -0.5");
        assertThatThrownBy(() -> ModelFile.read(
                        "m",
                        ModelFile.toBytes(
                                trained.metadata(),
                                new ModelWeights(w.labels(), idf, w.rowScale(), w.weights(), w.bias()))))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("idf of bucket 3 is NaN");
        assertThatThrownBy(() -> ModelFile.read(
                        "m",
                        ModelFile.toBytes(
                                trained.metadata(),
                                new ModelWeights(w.labels(), w.idf(), w.rowScale(), w.weights(), bias))))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("bias of label 1 is Infinity");
    }

    /** Issue 19: 1 MB declaring 2^22 buckets × 256 labels (1 GiB of zeros) took 2.6 GB of heap to load. */
    @Test
    void aSmallFileDeclaringAHugeModelIsRefusedBeforeItsSectionsAreRead() {
        byte[] bomb = io.glossa.testing.TestModels.bomb(22, 256);
        assertThat(bomb.length).isLessThan(2 << 20);
        ModelLimits halfAGigabyteHeap = new ModelLimits(ModelLimits.MAX_LABELS, (512L << 20) / 8);
        assertThatThrownBy(() -> ModelFile.read("bomb.glossa", bomb, halfAGigabyteHeap))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("4194304 buckets × 256 labels")
                .hasMessageContaining("too large to load here");
        assertThatThrownBy(() ->
                        ModelFile.read("labels.glossa", io.glossa.testing.TestModels.bomb(8, 2000), halfAGigabyteHeap))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("2000 labels");
        // the built-in model fits the limits of a -Xmx512m process with room to spare
        assertThat(ModelFile.read("built-in", io.glossa.testing.TestModels.builtIn(), halfAGigabyteHeap)
                        .weights()
                        .labels())
                .isEqualTo(38);
    }

    private static void fixChecksum(byte[] b) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
    }
}
