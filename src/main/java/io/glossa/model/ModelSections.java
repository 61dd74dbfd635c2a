package io.glossa.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The sections of a {@link ModelFile} and its big-endian numbers: a section is written deflated when that saves
 * a tenth, and read back only after its tag, encoding and lengths were checked against the bytes that remain.
 */
final class ModelSections {
    private ModelSections() {}

    static void writeSection(ByteArrayOutputStream out, String tag, byte[] raw) throws IOException {
        byte[] deflated = deflate(raw);
        boolean compress = deflated.length < raw.length * 0.75;
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

    /** A section as stored: its lengths checked against what the header implies, not yet inflated. */
    record Stored(String tag, int encoding, int raw, byte[] bytes) {}

    static Stored readStored(String name, ByteBuffer in, String tag, long expectedRaw) {
        if (in.remaining() < 9) {
            throw ModelFileChecks.corrupt(name, "section " + tag + " is cut short");
        }
        if (expectedRaw > ModelFile.MAX_FILE_BYTES) {
            throw ModelFileChecks.corrupt(name, "section " + tag + " would need " + expectedRaw + " bytes");
        }
        int encoding = in.get();
        long raw = Integer.toUnsignedLong(in.getInt());
        if (raw != expectedRaw) {
            throw ModelFileChecks.corrupt(
                    name, "section " + tag + " has " + raw + " bytes, the header implies " + expectedRaw);
        }
        int stored = readLength(name, in, Integer.MAX_VALUE, "section " + tag + " length");
        byte[] bytes = new byte[stored];
        in.get(bytes);
        return new Stored(tag, encoding, (int) raw, bytes);
    }

    /** The raw bytes of a stored section (inflated if it was deflated). */
    static byte[] decode(String name, Stored s) {
        return switch (s.encoding()) {
            case 0 -> {
                if (s.bytes().length != s.raw()) {
                    throw ModelFileChecks.corrupt(
                            name, "section " + s.tag() + " stored length differs from its raw length");
                }
                yield s.bytes();
            }
            case 1 -> inflate(name, s.tag(), s.bytes(), s.raw());
            default ->
                throw ModelFileChecks.corrupt(name, "section " + s.tag() + " has unknown encoding " + s.encoding());
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
                throw ModelFileChecks.corrupt(name, "section " + tag + " does not decompress to its declared size");
            }
            return out;
        } catch (DataFormatException e) {
            throw ModelFileChecks.corrupt(name, "section " + tag + " is not valid compressed data");
        } finally {
            inflater.end();
        }
    }

    static int readLength(String name, ByteBuffer in, int max, String what) {
        if (in.remaining() < 4) {
            throw ModelFileChecks.corrupt(name, what + " is missing");
        }
        long value = Integer.toUnsignedLong(in.getInt());
        if (value > max || value > in.remaining()) {
            throw ModelFileChecks.corrupt(
                    name, what + " " + value + " exceeds the " + in.remaining() + " bytes that remain");
        }
        return (int) value;
    }

    static String readTag(String name, ByteBuffer in) {
        if (in.remaining() < 4) {
            throw ModelFileChecks.corrupt(name, "a section tag is missing");
        }
        byte[] tag = new byte[4];
        in.get(tag);
        return new String(tag, StandardCharsets.US_ASCII);
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
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
}
