package io.glossa.testing;

import io.glossa.model.LabelInfo;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.ModelMetadata;
import io.glossa.model.ModelWeights;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Model files for registry tests, derived from the built-in model so that they are real and predict well. */
public final class TestModels {
    private TestModels() {}

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
        return ModelFile.toBytes(new ModelFile.Contents(
                with(contents.metadata(), createdAt, contents.metadata().labels()),
                contents.weights(),
                contents.shortText()));
    }

    /** Loads and passes its checksum, but its labels are rotated: it answers the wrong language for everything. */
    public static byte[] wrongLabels() {
        ModelFile.Contents contents = ModelFile.read("built-in", builtIn());
        List<LabelInfo> labels = new ArrayList<>(contents.metadata().labels());
        Collections.rotate(labels, 1);
        return ModelFile.toBytes(new ModelFile.Contents(
                with(contents.metadata(), "2027-02-02T00:00:00Z", labels), contents.weights(), contents.shortText()));
    }

    /**
     * The built-in model cut down to the given languages (their weight columns and biases): a real model that
     * answers well, but only for those.
     */
    public static byte[] onlyLabels(String... codes) {
        ModelFile.Contents contents = ModelFile.read("built-in", builtIn());
        List<LabelInfo> all = contents.metadata().labels();
        List<LabelInfo> kept = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            if (List.of(codes).contains(all.get(c).code())) {
                kept.add(all.get(c));
                columns.add(c);
            }
        }
        ModelWeights head = contents.shortText();
        return ModelFile.toBytes(new ModelFile.Contents(
                with(contents.metadata(), "2027-04-04T00:00:00Z", kept),
                columns(contents.weights(), columns),
                head == null ? null : columns(head, columns)));
    }

    /** The weight columns and biases of the given labels only. */
    private static ModelWeights columns(ModelWeights weights, List<Integer> columns) {
        int all = weights.labels();
        byte[] cut = new byte[weights.buckets() * columns.size()];
        float[] bias = new float[columns.size()];
        for (int k = 0; k < columns.size(); k++) {
            bias[k] = weights.bias()[columns.get(k)];
            for (int b = 0; b < weights.buckets(); b++) {
                cut[b * columns.size() + k] = weights.weights()[b * all + columns.get(k)];
            }
        }
        return new ModelWeights(columns.size(), weights.idf(), weights.rowScale(), cut, bias);
    }

    /**
     * A model file of about 1 MB whose header declares 2^bits buckets × labels labels of weights, all zeros and
     * deflated, with a valid checksum: what issue 19 found took 2.6 GB of heap to load at 2^22 × 256. Written
     * section by section as the format describes, since the weights it declares would not fit in a test's heap.
     */
    public static byte[] bomb(int bits, int labels) {
        ModelMetadata m = ModelFile.read("built-in", builtIn()).metadata();
        List<LabelInfo> many = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            many.add(new LabelInfo("x" + i, "Label " + i, "Label " + i));
        }
        ModelMetadata header = new ModelMetadata(
                null,
                1,
                m.glossaVersion(),
                "2027-05-05T00:00:00Z",
                0,
                many,
                new io.glossa.features.FeatureParams(bits, 1, 5, true),
                m.training(),
                m.trainingFiles(),
                m.trainingExamples(),
                m.trainingSeconds(),
                m.cvScore(),
                m.search(),
                m.dev(),
                m.devFragments(),
                m.unknownThreshold(),
                m.minLetters(),
                m.temperature(),
                m.quantization(),
                m.priors(),
                null);
        try {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(body);
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(header);
            out.writeInt(json.length);
            out.write(json);
            long buckets = 1L << bits;
            out.writeInt(4);
            zeros(out, "IDF_", 4 * buckets);
            zeros(out, "SCAL", 4 * buckets);
            zeros(out, "WGHT", buckets * labels);
            zeros(out, "BIAS", 4L * labels);
            byte[] sections = body.toByteArray();
            java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(20 + sections.length + 4);
            file.put(new byte[] {(byte) 0x89, 'G', 'L', 'S', 'M', 0x0D, 0x0A, 0x1A})
                    .putShort((short) 1)
                    .putShort((short) 0)
                    .putLong(file.capacity())
                    .put(sections);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(file.array(), 0, file.position());
            file.putInt((int) crc.getValue());
            return file.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deflated section of {@code raw} zero bytes, deflated a megabyte at a time. */
    private static void zeros(java.io.DataOutputStream out, String tag, long raw) throws IOException {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        java.io.ByteArrayOutputStream stored = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long left = raw; left > 0; left -= chunk.length) {
            deflater.setInput(chunk, 0, (int) Math.min(chunk.length, left));
            while (!deflater.needsInput()) {
                stored.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            stored.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        out.write(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeByte(1);
        out.writeInt((int) raw);
        out.writeInt(stored.size());
        stored.writeTo(out);
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
        return new ModelMetadata(
                null,
                m.formatVersion(),
                m.glossaVersion(),
                createdAt,
                0,
                labels,
                m.features(),
                m.training(),
                m.trainingFiles(),
                m.trainingExamples(),
                m.trainingSeconds(),
                m.cvScore(),
                m.search(),
                m.dev(),
                m.devFragments(),
                m.unknownThreshold(),
                m.minLetters(),
                m.temperature(),
                m.quantization(),
                m.priors(),
                m.shortText());
    }
}
