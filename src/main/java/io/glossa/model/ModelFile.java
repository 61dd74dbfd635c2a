package io.glossa.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The glossa model file format (versions 1 and 2). Big-endian:
 * <pre>
 * magic      8 bytes  89 'G' 'L' 'S' 'M' 0D 0A 1A   (like PNG: catches text-mode copies and non-models)
 * format     u16      1, or 2 for a model with a short-text head
 * flags      u16      0
 * length     u64      total file length, so truncation is reported as such
 * header     u32 n, n bytes of UTF-8 JSON: {@link ModelMetadata}
 * sections   u32 count, then per section: tag (4 ASCII bytes), encoding u8 (0 raw, 1 deflate),
 *            raw length u32, stored length u32, stored bytes
 *            IDF_ float32[buckets], SCAL float32[buckets], WGHT int8[buckets * labels], BIAS float32[labels];
 *            format 2 adds the short-text head's SSCL, SWGT and SBIA, shaped alike (it shares the idf)
 * checksum   CRC32C of everything before it (u32); it detects accidental corruption (truncation, flipped bits)
 *            and, unlike SHA-256, is fast before the JIT warms up, which keeps a cold load short
 * </pre>
 * Every length is checked against the bytes that remain and the sizes the header implies, and those sizes against
 * {@link ModelLimits} and the file's size, before anything is allocated, so neither a corrupted length nor a small
 * file declaring a huge model can trigger a huge allocation. Never Java serialization.
 */
public final class ModelFile {
    /** The newest format this build reads; it writes 1 unless the model has a short-text head. */
    public static final int FORMAT_VERSION = 2;

    static final byte[] MAGIC = {(byte) 0x89, 'G', 'L', 'S', 'M', 0x0D, 0x0A, 0x1A};
    static final int PREAMBLE = MAGIC.length + 2 + 2 + 8;
    static final int CHECKSUM_BYTES = 4;
    static final int MAX_HEADER_BYTES = 4 << 20;
    static final long MAX_FILE_BYTES = 1L << 30;
    /** Data binding is only needed to write; a holder keeps its class loading out of {@link #read}. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ModelFile() {}

    /**
     * A decoded model file: metadata (with version and size filled in), weights, and the short-text head's weights
     * (null when {@code metadata.shortText()} is).
     */
    public record Contents(ModelMetadata metadata, ModelWeights weights, ModelWeights shortText) {
        public Contents {
            requireHeadFits(metadata, weights, shortText);
        }

        /** A short-text head needs both its description and its weights, shaped like the main ones. */
        static void requireHeadFits(ModelMetadata metadata, ModelWeights weights, ModelWeights shortText) {
            if ((metadata.shortText() == null) != (shortText == null)) {
                throw new IllegalArgumentException("a short-text head needs both its description and its weights");
            }
            if (shortText != null
                    && (shortText.labels() != weights.labels() || shortText.buckets() != weights.buckets())) {
                throw new IllegalArgumentException("the short-text head's weights are shaped unlike the model's: "
                        + shortText.buckets() + " × " + shortText.labels() + " against " + weights.buckets() + " × "
                        + weights.labels());
            }
        }

        public Contents(ModelMetadata metadata, ModelWeights weights) {
            this(metadata, weights, null);
        }
    }

    /** The format a model with (or without) a short-text head is written in. */
    public static int formatFor(ShortTextHead head) {
        return head == null ? 1 : 2;
    }

    // ---------------------------------------------------------------- writing

    public static byte[] toBytes(ModelMetadata metadata, ModelWeights weights) {
        return toBytes(new Contents(metadata, weights));
    }

    public static byte[] toBytes(Contents model) {
        try {
            ModelMetadata metadata =
                    model.metadata().withShortText(model.metadata().shortText());
            ModelWeights weights = model.weights();
            byte[] header = Json.MAPPER.writeValueAsBytes(metadata.withFileFacts(null, 0));
            ByteArrayOutputStream body = new ByteArrayOutputStream(weights.weights().length / 2);
            ModelSections.writeInt(body, header.length);
            body.write(header);
            ModelSections.writeInt(body, model.shortText() == null ? 4 : 7);
            ModelSections.writeSection(body, "IDF_", ModelSections.floatsToBytes(weights.idf()));
            writeHead(body, MAIN, weights);
            if (model.shortText() != null) {
                writeHead(body, SHORT_TEXT, model.shortText());
            }
            byte[] bodyBytes = body.toByteArray();
            long total = (long) PREAMBLE + bodyBytes.length + CHECKSUM_BYTES;
            ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total));
            out.put(MAGIC)
                    .putShort((short) metadata.formatVersion())
                    .putShort((short) 0)
                    .putLong(total)
                    .put(bodyBytes);
            out.putInt(crc32c(out.array(), 0, out.position()));
            return out.array();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** The section tags of a head's scales, weights and bias, and how error messages name the head. */
    private record HeadTags(String scales, String weights, String bias, String whose) {}

    private static final HeadTags MAIN = new HeadTags("SCAL", "WGHT", "BIAS", "");
    private static final HeadTags SHORT_TEXT = new HeadTags("SSCL", "SWGT", "SBIA", "short-text head's ");

    private static void writeHead(ByteArrayOutputStream body, HeadTags tags, ModelWeights w) throws IOException {
        ModelSections.writeSection(body, tags.scales(), ModelSections.floatsToBytes(w.rowScale()));
        ModelSections.writeSection(body, tags.weights(), w.weights());
        ModelSections.writeSection(body, tags.bias(), ModelSections.floatsToBytes(w.bias()));
    }

    /** Writes atomically (temp file + move) so a crash never leaves a half-written model under the final name. */
    public static void write(Path file, ModelMetadata metadata, ModelWeights weights) throws IOException {
        write(file, new Contents(metadata, weights));
    }

    public static void write(Path file, Contents model) throws IOException {
        byte[] bytes = toBytes(model);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".glossa-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // ---------------------------------------------------------------- reading

    public static Contents read(Path file) {
        return read(file, ModelLimits.forThisJvm());
    }

    /** Reads a model file no larger than {@code limits} allow (the file itself included) into memory and decodes it. */
    public static Contents read(Path file, ModelLimits limits) {
        return read(file.toString(), readBytes(file, limits), limits);
    }

    /**
     * The bytes of a model file, refused before they are read if no model within {@code limits} can be that large.
     * @throws ModelFormatException for a missing, unreadable or too large file, or a directory
     */
    public static byte[] readBytes(Path file, ModelLimits limits) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model file not found: " + name, e);
        } catch (IOException e) {
            throw new ModelFormatException("cannot read model file " + name + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(name + " is a directory, not a glossa model file");
        }
        if (size > MAX_FILE_BYTES) {
            throw new ModelFormatException(name + " is not a glossa model file (" + size + " bytes is far too large)");
        }
        if (size > limits.maxDecompressedBytes() + MAX_HEADER_BYTES) {
            throw ModelFileChecks.tooLarge(name, size + " bytes", limits);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (AccessDeniedException e) {
            throw new ModelFormatException("cannot read model file " + name + ": permission denied", e);
        } catch (IOException e) {
            throw new ModelFormatException("cannot read model file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a model held in memory; {@code name} only appears in error messages. */
    public static Contents read(String name, byte[] bytes) {
        return read(name, bytes, ModelLimits.forThisJvm());
    }

    /**
     * Decodes a model held in memory, refusing one whose header declares more than {@code limits} allow before
     * any of its sections is allocated.
     */
    public static Contents read(String name, byte[] bytes, ModelLimits limits) {
        ModelFileChecks.checkPreamble(name, bytes);
        int expected = crc32c(bytes, 0, bytes.length - CHECKSUM_BYTES);
        int actual = ByteBuffer.wrap(bytes).getInt(bytes.length - CHECKSUM_BYTES);
        if (expected != actual) {
            throw new ModelFormatException("model file " + name + " failed its checksum — the file is corrupted");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, PREAMBLE, bytes.length - PREAMBLE - CHECKSUM_BYTES)
                .order(ByteOrder.BIG_ENDIAN);
        ModelMetadata metadata = readHeader(name, in);
        int format = Short.toUnsignedInt(ByteBuffer.wrap(bytes).getShort(MAGIC.length));
        if (format != formatFor(metadata.shortText())) {
            throw ModelFileChecks.corrupt(
                    name,
                    "a format " + format + " file "
                            + (metadata.shortText() == null
                                    ? "must describe a short-text head"
                                    : "cannot have a short-text head"));
        }
        int labels = metadata.labels().size();
        if (labels < 1) {
            throw ModelFileChecks.corrupt(name, "it has no labels");
        }
        int buckets = metadata.features().buckets();
        int heads = metadata.shortText() == null ? 1 : 2;
        ModelFileChecks.checkSize(name, buckets, labels, heads, bytes.length, limits);
        Map<String, ModelSections.Stored> read = readSections(name, in, buckets, labels);
        if (heads == 1 && read.size() != 4) {
            throw ModelFileChecks.corrupt(name, "a model without a short-text head has short-text sections");
        }
        float[] idf = ModelSections.bytesToFloats(section(name, read, "IDF_"));
        ModelFileChecks.checkNonNegative(name, "idf", idf);
        ParallelLoad<ModelWeights> head =
                ParallelLoad.start(heads == 2, () -> readHead(name, read, SHORT_TEXT, labels, idf));
        ModelWeights weights = readHead(name, read, MAIN, labels, idf);
        ModelWeights shortText = head.join();
        String version = metadata.createdAt()
                        .substring(0, Math.min(10, metadata.createdAt().length())) + "."
                + HexFormat.of().toHexDigits(actual);
        return new Contents(metadata.withFileFacts(version, bytes.length), weights, shortText);
    }

    /** Every section by its tag, lengths checked against the header's shape, none decoded yet. */
    private static Map<String, ModelSections.Stored> readSections(String name, ByteBuffer in, int buckets, int labels) {
        int sections = ModelSections.readLength(name, in, 64, "section count");
        Map<String, ModelSections.Stored> read = new HashMap<>();
        for (int s = 0; s < sections; s++) {
            String tag = ModelSections.readTag(name, in);
            long size = switch (tag) {
                case "IDF_", "SCAL", "SSCL" -> 4L * buckets;
                case "WGHT", "SWGT" -> (long) buckets * labels;
                case "BIAS", "SBIA" -> 4L * labels;
                default -> throw ModelFileChecks.corrupt(name, "unknown section '" + tag + "'");
            };
            if (read.put(tag, ModelSections.readStored(name, in, tag, size)) != null) {
                throw ModelFileChecks.corrupt(name, "section " + tag + " appears twice");
            }
        }
        if (in.hasRemaining()) {
            throw ModelFileChecks.corrupt(name, in.remaining() + " unexpected bytes after the last section");
        }
        return read;
    }

    private static ModelWeights readHead(
            String name, Map<String, ModelSections.Stored> sections, HeadTags tags, int labels, float[] idf) {
        String what = tags.whose();
        float[] scales = ModelSections.bytesToFloats(section(name, sections, tags.scales()));
        ModelFileChecks.checkNonNegative(name, what + "scale", scales);
        float[] bias = ModelSections.bytesToFloats(section(name, sections, tags.bias()));
        for (int c = 0; c < bias.length; c++) {
            if (!Float.isFinite(bias[c])) {
                throw ModelFileChecks.corrupt(
                        name, "the " + what + "bias of label " + c + " is " + bias[c] + " (must be a finite number)");
            }
        }
        return new ModelWeights(labels, idf, scales, section(name, sections, tags.weights()), bias);
    }

    private static byte[] section(String name, Map<String, ModelSections.Stored> sections, String tag) {
        ModelSections.Stored stored = sections.get(tag);
        if (stored == null) {
            throw ModelFileChecks.corrupt(name, "section " + tag + " is missing");
        }
        return ModelSections.decode(name, stored);
    }

    private static ModelMetadata readHeader(String name, ByteBuffer in) {
        int length = ModelSections.readLength(name, in, MAX_HEADER_BYTES, "header length");
        byte[] header = new byte[length];
        in.get(header);
        try {
            ModelMetadata metadata = MetadataReader.read(header);
            if (metadata.labels().isEmpty() || metadata.features() == null || metadata.createdAt() == null) {
                throw ModelFileChecks.corrupt(name, "its header lacks labels, features or created_at");
            }
            return metadata;
        } catch (IOException e) {
            throw ModelFileChecks.corrupt(name, "its header is not valid: " + e.getMessage());
        }
    }

    private static int crc32c(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
