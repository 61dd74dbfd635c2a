package io.glossa.testing;

import io.glossa.model.LabelInfo;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.ModelMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Model files for registry tests, derived from the built-in model so that they are real and predict well. */
public final class TestModels {
    private TestModels() {
    }

    public static byte[] builtIn() {
        try (InputStream in = LanguageModel.class.getResourceAsStream(LanguageModel.DEFAULT_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same weights under another creation time: another version that predicts exactly like the built-in one. */
    public static byte[] otherVersion(String createdAt) {
        ModelFile.Contents contents = ModelFile.read("built-in", builtIn());
        return ModelFile.toBytes(with(contents.metadata(), createdAt, contents.metadata().labels()), contents.weights());
    }

    /** Loads and passes its checksum, but its labels are rotated: it answers the wrong language for everything. */
    public static byte[] wrongLabels() {
        ModelFile.Contents contents = ModelFile.read("built-in", builtIn());
        List<LabelInfo> labels = new ArrayList<>(contents.metadata().labels());
        Collections.rotate(labels, 1);
        return ModelFile.toBytes(with(contents.metadata(), "2027-02-02T00:00:00Z", labels), contents.weights());
    }

    /** One flipped byte in the middle: the file's checksum no longer matches. */
    public static byte[] corrupted(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= 0x5a;
        return copy;
    }

    public static String version(byte[] bytes) {
        return LanguageModel.fromBytes(bytes).version();
    }

    private static ModelMetadata with(ModelMetadata m, String createdAt, List<LabelInfo> labels) {
        return new ModelMetadata(null, m.formatVersion(), m.glossaVersion(), createdAt, 0, labels, m.features(),
                m.training(), m.trainingFiles(), m.trainingExamples(), m.trainingSeconds(), m.cvScore(), m.search(),
                m.dev(), m.devFragments(), m.unknownThreshold(), m.minLetters(), m.temperature(), m.quantization());
    }
}
