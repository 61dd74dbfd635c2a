package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.SyntheticCorpus;
import io.glossa.training.TrainedModel;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A model with a short-text head: which texts it scores, and how the file keeps it. */
class ShortTextHeadTest {
    private static TrainedModel trained;
    /** The head answers cc for every text it scores: all weights zero, cc's bias far above the others. */
    private static ModelFile.Contents withHead;

    @BeforeAll
    static void build() {
        trained = SyntheticCorpus.train();
        ModelWeights w = trained.weights();
        float[] bias = new float[w.labels()];
        bias[trained.metadata().labelCodes().indexOf("cc")] = 50;
        ModelWeights head = new ModelWeights(w.labels(), w.idf(), w.rowScale(), new byte[w.weights().length], bias);
        withHead = new ModelFile.Contents(trained.metadata().withShortText(head(1)), w, head);
    }

    private static ShortTextHead head(int maxWords) {
        return new ShortTextHead(
                maxWords,
                trained.metadata().training(),
                1234,
                trained.metadata().devFragments(),
                0.0,
                1.0,
                Map.of("cc", 0.5),
                List.of(new ShortTextHead.WordCountScore(1, 0.5, 0.75)));
    }

    @Test
    void textsOfUpToMaxWordsAreScoredByTheHeadAndLongerOnesByTheMainWeights() {
        LanguageModel model = LanguageModel.of(withHead);
        LanguageModel plain = trained.toLanguageModel();

        assertThat(plain.predict("kakiko", 1).language()).isEqualTo("aa");
        assertThat(model.predict("kakiko", 1).language()).isEqualTo("cc");
        assertThat(model.predict("  kakiko!! 12", 1).language()).isEqualTo("cc");
        assertThat(model.predict("kakiko turan", 3)).isEqualTo(plain.predict("kakiko turan", 3));
        assertThat(model.predict("lelisve nor lo", 3)).isEqualTo(plain.predict("lelisve nor lo", 3));
    }

    @Test
    void maxWordsIsHowManyWordsTheHeadTakes() {
        LanguageModel two = LanguageModel.of(new ModelFile.Contents(
                trained.metadata().withShortText(head(2)), withHead.weights(), withHead.shortText()));

        assertThat(two.predict("kakiko turan", 1).language()).isEqualTo("cc");
        assertThat(two.predict("kakiko turan ki", 1).language()).isEqualTo("aa");
    }

    @Test
    void theFileKeepsTheHeadInFormatTwo() {
        byte[] bytes = ModelFile.toBytes(withHead);
        ModelFile.Contents read = ModelFile.read("m", bytes);

        assertThat(ByteBuffer.wrap(bytes).getShort(ModelFile.MAGIC.length)).isEqualTo((short) 2);
        assertThat(read.metadata().formatVersion()).isEqualTo(2);
        assertThat(read.metadata().shortText()).isEqualTo(head(1));
        assertThat(read.shortText().weights()).isEqualTo(withHead.shortText().weights());
        assertThat(read.shortText().bias()).isEqualTo(withHead.shortText().bias());
        assertThat(read.shortText().rowScale()).isEqualTo(withHead.shortText().rowScale());
        assertThat(read.shortText().idf()).isEqualTo(withHead.weights().idf());
        assertThat(LanguageModel.fromBytes(LanguageModel.of(read).toBytes())
                        .predict("kakiko", 1)
                        .language())
                .isEqualTo("cc");
    }

    @Test
    void aModelWithoutAHeadIsStillWrittenInFormatOne() {
        byte[] bytes = ModelFile.toBytes(trained.metadata(), trained.weights());

        assertThat(ByteBuffer.wrap(bytes).getShort(ModelFile.MAGIC.length)).isEqualTo((short) 1);
        assertThat(ModelFile.read("m", bytes).shortText()).isNull();
    }

    @Test
    void aFormatOneFileThatDescribesAHeadIsRefused() {
        byte[] bytes = ModelFile.toBytes(withHead);
        ByteBuffer.wrap(bytes).putShort(ModelFile.MAGIC.length, (short) 1);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());

        assertThatThrownBy(() -> ModelFile.read("m", bytes))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is corrupted")
                .hasMessageContaining("cannot have a short-text head");
    }

    @Test
    void aFormatTwoFileWithoutOneOfItsHeadsSectionsIsRefused() {
        byte[] bytes = withoutSection(ModelFile.toBytes(withHead), "SWGT");

        assertThatThrownBy(() -> ModelFile.read("m", bytes))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("model file m is corrupted: section SWGT is missing");
    }

    /** The file with one section left out, its section count, length and checksum made right again. */
    private static byte[] withoutSection(byte[] file, String tag) {
        ByteBuffer in = ByteBuffer.wrap(file);
        int headerEnd = ModelFile.PREAMBLE + 4 + in.getInt(ModelFile.PREAMBLE);
        int count = in.getInt(headerEnd);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(file, 0, headerEnd);
        int kept = 0;
        java.io.ByteArrayOutputStream sections = new java.io.ByteArrayOutputStream();
        int at = headerEnd + 4;
        for (int i = 0; i < count; i++) {
            int length = 13 + in.getInt(at + 9);
            if (!new String(file, at, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(tag)) {
                sections.write(file, at, length);
                kept++;
            }
            at += length;
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(kept).array());
        out.writeBytes(sections.toByteArray());
        out.writeBytes(new byte[4]);
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result).putLong(ModelFile.MAGIC.length + 4, result.length);
        CRC32C crc = new CRC32C();
        crc.update(result, 0, result.length - 4);
        ByteBuffer.wrap(result).putInt(result.length - 4, (int) crc.getValue());
        return result;
    }

    @Test
    void aHeadNeedsBothItsDescriptionAndItsWeightsShapedLikeTheModel() {
        ModelWeights w = trained.weights();
        assertThatThrownBy(() -> new ModelFile.Contents(trained.metadata().withShortText(head(1)), w, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelFile.Contents(trained.metadata(), w, w))
                .isInstanceOf(IllegalArgumentException.class);
        ModelWeights narrow = new ModelWeights(
                w.labels() - 1, w.idf(), w.rowScale(), new byte[w.buckets() * (w.labels() - 1)], new float[2]);
        assertThatThrownBy(() -> new ModelFile.Contents(trained.metadata().withShortText(head(1)), w, narrow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shaped unlike");
    }

    @Test
    void aHeaderWhoseHeadLacksItsTrainingParametersIsRefused() throws Exception {
        ModelMetadata metadata =
                ModelFile.read("m", ModelFile.toBytes(withHead)).metadata();
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(metadata.withFileFacts(null, 0))
                .replaceFirst("(\"short_text\":\\{\"max_words\":1,)\"training\":\\{[^}]*\\},", "$1");
        assertThat(json).contains("\"short_text\":{\"max_words\":1,\"training_examples\"");

        assertThatThrownBy(() -> MetadataReader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("a short-text head needs its training parameters");
    }

    @Test
    void aHeadTakesOneToThreeWords() {
        assertThatThrownBy(() -> head(0)).hasMessageContaining("1 to 3 words");
        assertThatThrownBy(() -> head(4)).hasMessageContaining("1 to 3 words");
    }
}
