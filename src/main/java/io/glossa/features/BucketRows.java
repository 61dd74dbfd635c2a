package io.glossa.features;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Everything a classifier reads about one hash bucket, packed into one row of {@code stride} bytes:
 * {@code [idf: float][output scale: float][weights: one byte per label, padded to a multiple of 8]}.
 * Each weight is stored as the unsigned byte {@code w + 128} ({@link #WEIGHT_BIAS}): the scorer reads eight at a time
 * as one long and multiplies two of them per 64-bit multiply, which needs lanes that never go negative.
 *
 * <p>Why: a short text touches ~120 random buckets. Kept in separate arrays (idf, scale, weights), a bucket costs two
 * or three cache misses (a 38-byte row straddles two lines more often than not); packed at a 64-byte stride, its bytes
 * share one line whenever the array's data starts at most {@code 56 - payload} bytes past a line boundary. G1 places an
 * array this large (a humongous object) at a region start, so its data starts 16 bytes past a line: one line per
 * bucket for payloads up to 40 bytes (the default model's 38 labels). Measured with the 2^17 default model: short
 * texts classified 38-51% faster (BENCHMARKS.md, "Classification speed").
 */
public final class BucketRows {
    /** Where a row's weights start. */
    public static final int PAYLOAD_OFFSET = 8;
    /** Added to every int8 weight so it is stored as an unsigned byte, 0..255. */
    public static final int WEIGHT_BIAS = 128;

    private static final int CACHE_LINE = 64;
    private static final VarHandle FLOATS =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.nativeOrder());

    private final byte[] rows;
    private final int stride;
    private final int buckets;
    private final int payloadBytes;
    /** Where label c's weight sits in a row: {@code slot[c]} (a permutation of 0..payloadBytes-1). */
    private final int[] slot;

    private BucketRows(byte[] rows, int stride, int buckets, int payloadBytes, int[] slot) {
        this.rows = rows;
        this.stride = stride;
        this.buckets = buckets;
        this.payloadBytes = payloadBytes;
        this.slot = slot;
    }

    public static BucketRows pack(float[] idf, float[] scale, byte[] payload, int payloadBytes) {
        int[] identity = new int[payloadBytes];
        for (int c = 0; c < payloadBytes; c++) {
            identity[c] = c;
        }
        return pack(idf, scale, payload, payloadBytes, identity);
    }

    /**
     * Packs {@code idf[b]}, {@code scale[b]} and the int8 weights {@code payload[b * payloadBytes ...]} of every
     * bucket b; rows are padded to a multiple of 64 bytes, so with up to 56 labels every row is one cache line.
     * Label c's weight is stored at position {@code slot[c]} of the row, so labels scored together (one script's)
     * can share whole words of the row (see LanguageModel).
     */
    public static BucketRows pack(float[] idf, float[] scale, byte[] payload, int payloadBytes, int[] slot) {
        int buckets = idf.length;
        if (scale.length != buckets || (long) buckets * payloadBytes != payload.length) {
            throw new IllegalArgumentException("inconsistent bucket arrays: idf " + buckets + ", scales " + scale.length
                    + ", payload " + payload.length + " for " + payloadBytes + " bytes per bucket");
        }
        boolean[] seen = new boolean[payloadBytes];
        if (slot.length != payloadBytes) {
            throw new IllegalArgumentException("slot has " + slot.length + " entries for " + payloadBytes + " labels");
        }
        for (int c : slot) {
            if (c < 0 || c >= payloadBytes || seen[c]) {
                throw new IllegalArgumentException("slot is not a permutation of the labels");
            }
            seen[c] = true;
        }
        int stride = (PAYLOAD_OFFSET + paddedLength(payloadBytes) + CACHE_LINE - 1) / CACHE_LINE * CACHE_LINE;
        byte[] rows = new byte[Math.multiplyExact(buckets, stride)];
        for (int b = 0; b < buckets; b++) {
            int row = b * stride;
            FLOATS.set(rows, row, idf[b]);
            FLOATS.set(rows, row + 4, scale[b]);
            for (int c = 0; c < payloadBytes; c++) {
                rows[row + PAYLOAD_OFFSET + slot[c]] = (byte) (payload[b * payloadBytes + c] + WEIGHT_BIAS);
            }
        }
        return new BucketRows(rows, stride, buckets, payloadBytes, slot.clone());
    }

    /** Bytes a row's weights take: whole longs. */
    public static int paddedLength(int labels) {
        return (labels + 7) / 8 * 8;
    }

    public int buckets() {
        return buckets;
    }

    public int stride() {
        return stride;
    }

    /** The packed bytes: row b starts at {@code b * stride()}. Shared, never modify. */
    public byte[] bytes() {
        return rows;
    }

    /** The idf of every bucket, unpacked (for writing the model out; not a hot path). */
    public float[] idfs() {
        float[] idf = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            idf[b] = idf(b);
        }
        return idf;
    }

    /** The output scale of every bucket, unpacked. */
    public float[] scales() {
        float[] scale = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            scale[b] = scale(b);
        }
        return scale;
    }

    /** The int8 weights, unpacked: bucket b's at {@code b * payloadBytes}. */
    public byte[] payloads() {
        byte[] payload = new byte[buckets * payloadBytes];
        for (int b = 0; b < buckets; b++) {
            for (int c = 0; c < payloadBytes; c++) {
                payload[b * payloadBytes + c] = (byte) (rows[b * stride + PAYLOAD_OFFSET + slot[c]] - WEIGHT_BIAS);
            }
        }
        return payload;
    }

    float idf(int bucket) {
        return (float) FLOATS.get(rows, bucket * stride);
    }

    float scale(int bucket) {
        return (float) FLOATS.get(rows, bucket * stride + 4);
    }
}
