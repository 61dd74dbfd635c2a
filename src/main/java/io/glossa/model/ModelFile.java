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
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The glossa model file format (version 1). Big-endian:
 * <pre>
 * magic      8 bytes  89 'G' 'L' 'S' 'M' 0D 0A 1A   (like PNG: catches text-mode copies and non-models)
 * format     u16      1
 * flags      u16      0
 * length     u64      total file length, so truncation is reported as such
 * header     u32 n, n bytes of UTF-8 JSON: {@link ModelMetadata}
 * sections   u32 count, then per section: tag (4 ASCII bytes), encoding u8 (0 raw, 1 deflate),
 *            raw length u32, stored length u32, stored bytes
 *            IDF_ float32[buckets], SCAL float32[buckets], WGHT int8[buckets * labels], BIAS float32[labels]
 * checksum   CRC32C of everything before it (u32); it detects accidental corruption (truncation, flipped bits)
 *            and, unlike SHA-256, is fast before the JIT warms up, which keeps a cold load short
 * </pre>
 * Every length is checked against the bytes that remain and the sizes the header implies, and those sizes against
 * {@link ModelLimits} and the file's size, before anything is allocated, so neither a corrupted length nor a small
 * file declaring a huge model can trigger a huge allocation. Never Java serialization.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
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

    /** A decoded model file: metadata (with version and size filled in) and weights. */
    public record Contents(ModelMetadata metadata, ModelWeights weights) {}

    // ---------------------------------------------------------------- writing

    public static byte[] toBytes(ModelMetadata metadata, ModelWeights weights) {
        try {
            byte[] header = Json.MAPPER.writeValueAsBytes(metadata.withFileFacts(null, 0));
            ByteArrayOutputStream body = new ByteArrayOutputStream(weights.weights().length / 2);
            ModelSections.writeInt(body, header.length);
            body.write(header);
            ModelSections.writeInt(body, 4);
            ModelSections.writeSection(body, "IDF_", ModelSections.floatsToBytes(weights.idf()));
            ModelSections.writeSection(body, "SCAL", ModelSections.floatsToBytes(weights.rowScale()));
            ModelSections.writeSection(body, "WGHT", weights.weights());
            ModelSections.writeSection(body, "BIAS", ModelSections.floatsToBytes(weights.bias()));
            byte[] bodyBytes = body.toByteArray();
            long total = (long) PREAMBLE + bodyBytes.length + CHECKSUM_BYTES;
            ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total));
            out.put(MAGIC)
                    .putShort((short) FORMAT_VERSION)
                    .putShort((short) 0)
                    .putLong(total)
                    .put(bodyBytes);
            out.putInt(crc32c(out.array(), 0, out.position()));
            return out.array();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** Writes atomically (temp file + move) so a crash never leaves a half-written model under the final name. */
    public static void write(Path file, ModelMetadata metadata, ModelWeights weights) throws IOException {
        byte[] bytes = toBytes(metadata, weights);
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
        int labels = metadata.labels().size();
        if (labels < 1) {
            throw ModelFileChecks.corrupt(name, "it has no labels");
        }
        int buckets = metadata.features().buckets();
        ModelFileChecks.checkSize(name, buckets, labels, bytes.length, limits);
        int sections = ModelSections.readLength(name, in, 64, "section count");
        float[] idf = null;
        float[] scales = null;
        byte[] weights = null;
        float[] bias = null;
        for (int s = 0; s < sections; s++) {
            String tag = ModelSections.readTag(name, in);
            switch (tag) {
                case "IDF_" ->
                    idf = ModelSections.bytesToFloats(ModelSections.readSection(name, in, tag, 4L * buckets));
                case "SCAL" ->
                    scales = ModelSections.bytesToFloats(ModelSections.readSection(name, in, tag, 4L * buckets));
                case "WGHT" -> weights = ModelSections.readSection(name, in, tag, (long) buckets * labels);
                case "BIAS" ->
                    bias = ModelSections.bytesToFloats(ModelSections.readSection(name, in, tag, 4L * labels));
                default -> throw ModelFileChecks.corrupt(name, "unknown section '" + tag + "'");
            }
        }
        if (idf == null || scales == null || weights == null || bias == null) {
            throw ModelFileChecks.corrupt(name, "a weight section is missing");
        }
        if (in.hasRemaining()) {
            throw ModelFileChecks.corrupt(name, in.remaining() + " unexpected bytes after the last section");
        }
        ModelFileChecks.checkNonNegative(name, "idf", idf);
        ModelFileChecks.checkNonNegative(name, "scale", scales);
        for (int c = 0; c < bias.length; c++) {
            if (!Float.isFinite(bias[c])) {
                throw ModelFileChecks.corrupt(
                        name, "the bias of label " + c + " is " + bias[c] + " (must be a finite number)");
            }
        }
        String version = metadata.createdAt()
                        .substring(0, Math.min(10, metadata.createdAt().length())) + "."
                + HexFormat.of().toHexDigits(actual);
        return new Contents(
                metadata.withFileFacts(version, bytes.length), new ModelWeights(labels, idf, scales, weights, bias));
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
