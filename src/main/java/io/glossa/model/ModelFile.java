package io.glossa.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.CRC32C;
import java.util.zip.Inflater;

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
    private static final int PREAMBLE = MAGIC.length + 2 + 2 + 8;
    private static final int CHECKSUM_BYTES = 4;
    private static final int MAX_HEADER_BYTES = 4 << 20;
    private static final long MAX_FILE_BYTES = 1L << 30;
    /** Data binding is only needed to write; a holder keeps its class loading out of {@link #read}. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ModelFile() {
    }

    /** A decoded model file: metadata (with version and size filled in) and weights. */
    public record Contents(ModelMetadata metadata, ModelWeights weights) {}

    // ---------------------------------------------------------------- writing

    public static byte[] toBytes(ModelMetadata metadata, ModelWeights weights) {
        try {
            byte[] header = Json.MAPPER.writeValueAsBytes(metadata.withFileFacts(null, 0));
            ByteArrayOutputStream body = new ByteArrayOutputStream(weights.weights().length / 2);
            writeInt(body, header.length);
            body.write(header);
            writeInt(body, 4);
            writeSection(body, "IDF_", floatsToBytes(weights.idf()));
            writeSection(body, "SCAL", floatsToBytes(weights.rowScale()));
            writeSection(body, "WGHT", weights.weights());
            writeSection(body, "BIAS", floatsToBytes(weights.bias()));
            byte[] bodyBytes = body.toByteArray();
            long total = (long) PREAMBLE + bodyBytes.length + CHECKSUM_BYTES;
            ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total));
            out.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) 0).putLong(total).put(bodyBytes);
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

    private static void writeSection(ByteArrayOutputStream out, String tag, byte[] raw) throws IOException {
        byte[] deflated = deflate(raw);
        boolean compress = deflated.length < raw.length * 0.9;
        byte[] stored = compress ? deflated : raw;
        out.write(tag.getBytes(StandardCharsets.US_ASCII));
        out.write(compress ? 1 : 0);
        writeInt(out, raw.length);
        writeInt(out, stored.length);
        out.write(stored);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buf = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
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
            throw tooLarge(name, size + " bytes", limits);
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
        checkPreamble(name, bytes);
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
            throw corrupt(name, "it has no labels");
        }
        int buckets = metadata.features().buckets();
        checkSize(name, buckets, labels, bytes.length, limits);
        int sections = readLength(name, in, 64, "section count");
        float[] idf = null;
        float[] scales = null;
        byte[] weights = null;
        float[] bias = null;
        for (int s = 0; s < sections; s++) {
            String tag = readTag(name, in);
            switch (tag) {
                case "IDF_" -> idf = bytesToFloats(readSection(name, in, tag, 4L * buckets));
                case "SCAL" -> scales = bytesToFloats(readSection(name, in, tag, 4L * buckets));
                case "WGHT" -> weights = readSection(name, in, tag, (long) buckets * labels);
                case "BIAS" -> bias = bytesToFloats(readSection(name, in, tag, 4L * labels));
                default -> throw corrupt(name, "unknown section '" + tag + "'");
            }
        }
        if (idf == null || scales == null || weights == null || bias == null) {
            throw corrupt(name, "a weight section is missing");
        }
        if (in.hasRemaining()) {
            throw corrupt(name, in.remaining() + " unexpected bytes after the last section");
        }
        checkNonNegative(name, "idf", idf);
        checkNonNegative(name, "scale", scales);
        for (int c = 0; c < bias.length; c++) {
            if (!Float.isFinite(bias[c])) {
                throw corrupt(name, "the bias of label " + c + " is " + bias[c] + " (must be a finite number)");
            }
        }
        String version = metadata.createdAt().substring(0, Math.min(10, metadata.createdAt().length()))
                + "." + HexFormat.of().toHexDigits(actual);
        return new Contents(metadata.withFileFacts(version, bytes.length),
                new ModelWeights(labels, idf, scales, weights, bias));
    }

    private static void checkPreamble(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ModelFormatException("model file " + name + " is empty — not a glossa model");
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFormatException(name + " is not a glossa model file (wrong magic bytes)");
        }
        if (bytes.length < PREAMBLE) {
            throw new ModelFormatException("model file " + name + " is truncated (only " + bytes.length + " bytes)");
        }
        ByteBuffer pre = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int format = Short.toUnsignedInt(pre.getShort(MAGIC.length));
        if (format > FORMAT_VERSION) {
            throw new ModelFormatException("model file " + name + " was written by a newer glossa (format " + format
                    + "; this build reads up to " + FORMAT_VERSION + ") — upgrade glossa or retrain the model");
        }
        if (format < 1) {
            throw new ModelFormatException("model file " + name + " has an invalid format version " + format);
        }
        long declared = pre.getLong(MAGIC.length + 4);
        if (declared < bytes.length) {
            if (declared < PREAMBLE + CHECKSUM_BYTES) {
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
    private static void checkSize(String name, int buckets, int labels, long fileBytes, ModelLimits limits) {
        if (labels > limits.maxLabels()) {
            throw new ModelFormatException("model file " + name + " declares " + labels + " labels; glossa loads "
                    + "models of at most " + limits.maxLabels());
        }
        long raw = 8L * buckets + (long) buckets * labels + 4L * labels;   // idf, scales, weights, bias
        String shape = buckets + " buckets × " + labels + " labels";
        if (raw > fileBytes * ModelLimits.MAX_DEFLATE_RATIO) {
            throw corrupt(name, "its header declares " + shape + " (" + raw + " bytes), more than its " + fileBytes
                    + " bytes can hold even compressed");
        }
        if (raw > limits.maxDecompressedBytes()) {
            throw tooLarge(name, shape + " (" + raw / (1024 * 1024) + " MiB once decompressed)", limits);
        }
    }

    private static ModelFormatException tooLarge(String name, String size, ModelLimits limits) {
        return new ModelFormatException("model file " + name + " is too large to load here: " + size + "; this "
                + "process loads models of up to " + limits.maxDecompressedBytes() / (1024 * 1024) + " MiB, an eighth "
                + "of its heap: give the JVM more heap (-Xmx) or train a smaller model (fewer --bits)");
    }

    private static ModelMetadata readHeader(String name, ByteBuffer in) {
        int length = readLength(name, in, MAX_HEADER_BYTES, "header length");
        byte[] header = new byte[length];
        in.get(header);
        try {
            ModelMetadata metadata = MetadataReader.read(header);
            if (metadata.labels().isEmpty() || metadata.features() == null || metadata.createdAt() == null) {
                throw corrupt(name, "its header lacks labels, features or created_at");
            }
            return metadata;
        } catch (IOException e) {
            throw corrupt(name, "its header is not valid: " + e.getMessage());
        }
    }

    private static byte[] readSection(String name, ByteBuffer in, String tag, long expectedRaw) {
        if (in.remaining() < 9) {
            throw corrupt(name, "section " + tag + " is cut short");
        }
        if (expectedRaw > MAX_FILE_BYTES) {
            throw corrupt(name, "section " + tag + " would need " + expectedRaw + " bytes");
        }
        int encoding = in.get();
        long raw = Integer.toUnsignedLong(in.getInt());
        if (raw != expectedRaw) {
            throw corrupt(name, "section " + tag + " has " + raw + " bytes, the header implies " + expectedRaw);
        }
        int stored = readLength(name, in, Integer.MAX_VALUE, "section " + tag + " length");
        byte[] bytes = new byte[stored];
        in.get(bytes);
        return switch (encoding) {
            case 0 -> {
                if (stored != raw) {
                    throw corrupt(name, "section " + tag + " stored length differs from its raw length");
                }
                yield bytes;
            }
            case 1 -> inflate(name, tag, bytes, (int) raw);
            default -> throw corrupt(name, "section " + tag + " has unknown encoding " + encoding);
        };
    }

    private static byte[] inflate(String name, String tag, byte[] stored, int raw) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            byte[] out = new byte[raw];
            int n = 0;
            while (n < raw && !inflater.finished()) {
                int k = inflater.inflate(out, n, raw - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != raw || !inflater.finished()) {
                throw corrupt(name, "section " + tag + " does not decompress to its declared size");
            }
            return out;
        } catch (DataFormatException e) {
            throw corrupt(name, "section " + tag + " is not valid compressed data");
        } finally {
            inflater.end();
        }
    }

    private static int readLength(String name, ByteBuffer in, int max, String what) {
        if (in.remaining() < 4) {
            throw corrupt(name, what + " is missing");
        }
        long value = Integer.toUnsignedLong(in.getInt());
        if (value > max || value > in.remaining()) {
            throw corrupt(name, what + " " + value + " exceeds the " + in.remaining() + " bytes that remain");
        }
        return (int) value;
    }

    private static String readTag(String name, ByteBuffer in) {
        if (in.remaining() < 4) {
            throw corrupt(name, "a section tag is missing");
        }
        byte[] tag = new byte[4];
        in.get(tag);
        return new String(tag, StandardCharsets.US_ASCII);
    }

    /** The scorer's lane arithmetic needs feature weights >= 0, so idf and row scales must be (as training makes them). */
    private static void checkNonNegative(String name, String what, float[] values) {
        for (int b = 0; b < values.length; b++) {
            if (!(values[b] >= 0) || values[b] == Float.POSITIVE_INFINITY) {
                throw corrupt(name, "the " + what + " of bucket " + b + " is " + values[b]
                        + " (must be a finite number >= 0)");
            }
        }
    }

    private static ModelFormatException corrupt(String name, String detail) {
        return new ModelFormatException("model file " + name + " is corrupted: " + detail);
    }

    // ---------------------------------------------------------------- bytes

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static byte[] floatsToBytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.BIG_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static float[] bytesToFloats(byte[] bytes) {
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static int crc32c(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
