package io.glossa.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The checks a {@link ModelFile} passes before its sections are allocated, and the messages that say why not. */
final class ModelFileChecks {
    private ModelFileChecks() {}

    static void checkPreamble(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ModelFormatException("model file " + name + " is empty — not a glossa model");
        }
        if (bytes.length < ModelFile.MAGIC.length
                || !Arrays.equals(bytes, 0, ModelFile.MAGIC.length, ModelFile.MAGIC, 0, ModelFile.MAGIC.length)) {
            throw new ModelFormatException(name + " is not a glossa model file (wrong magic bytes)");
        }
        if (bytes.length < ModelFile.PREAMBLE) {
            throw new ModelFormatException("model file " + name + " is truncated (only " + bytes.length + " bytes)");
        }
        ByteBuffer pre = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int format = Short.toUnsignedInt(pre.getShort(ModelFile.MAGIC.length));
        if (format > ModelFile.FORMAT_VERSION) {
            throw new ModelFormatException("model file " + name + " was written by a newer glossa (format " + format
                    + "; this build reads up to " + ModelFile.FORMAT_VERSION
                    + ") — upgrade glossa or retrain the model");
        }
        if (format < 1) {
            throw new ModelFormatException("model file " + name + " has an invalid format version " + format);
        }
        long declared = pre.getLong(ModelFile.MAGIC.length + 4);
        if (declared < bytes.length) {
            if (declared < ModelFile.PREAMBLE + ModelFile.CHECKSUM_BYTES) {
                throw corrupt(name, "its length field is invalid");
            }
            throw new ModelFormatException("model file " + name + " has " + (bytes.length - declared)
                    + " unexpected bytes at the end (expected " + declared + " bytes, found " + bytes.length + ")");
        }
        if (declared > bytes.length) {
            throw new ModelFormatException("model file " + name + " is truncated (expected " + declared
                    + " bytes, found " + bytes.length + ")");
        }
    }

    /** The header's bucket and label counts against the limits and the file's size, before any section is read. */
    static void checkSize(String name, int buckets, int labels, int heads, long fileBytes, ModelLimits limits) {
        if (labels > limits.maxLabels()) {
            throw new ModelFormatException("model file " + name + " declares " + labels + " labels; glossa loads "
                    + "models of at most " + limits.maxLabels());
        }
        // idf once, then per head: scales, weights, bias
        long raw = 4L * buckets + heads * (4L * buckets + (long) buckets * labels + 4L * labels);
        String shape = buckets + " buckets × " + labels + " labels" + (heads > 1 ? " × " + heads + " heads" : "");
        if (raw > fileBytes * ModelLimits.MAX_DEFLATE_RATIO) {
            throw corrupt(
                    name,
                    "its header declares " + shape + " (" + raw + " bytes), more than its " + fileBytes
                            + " bytes can hold even compressed");
        }
        if (raw > limits.maxDecompressedBytes()) {
            throw tooLarge(name, shape + " (" + raw / (1024 * 1024) + " MiB once decompressed)", limits);
        }
    }

    static ModelFormatException tooLarge(String name, String size, ModelLimits limits) {
        return new ModelFormatException("model file " + name + " is too large to load here: " + size + "; this "
                + "process loads models of up to " + limits.maxDecompressedBytes() / (1024 * 1024) + " MiB, an eighth "
                + "of its heap: give the JVM more heap (-Xmx) or train a smaller model (fewer --bits)");
    }

    /** The scorer's lane arithmetic needs feature weights >= 0, so idf and row scales must be (as training makes them). */
    static void checkNonNegative(String name, String what, float[] values) {
        for (int b = 0; b < values.length; b++) {
            if (!(values[b] >= 0) || values[b] == Float.POSITIVE_INFINITY) {
                throw corrupt(
                        name,
                        "the " + what + " of bucket " + b + " is " + values[b] + " (must be a finite number >= 0)");
            }
        }
    }

    static ModelFormatException corrupt(String name, String detail) {
        return new ModelFormatException("model file " + name + " is corrupted: " + detail);
    }
}
