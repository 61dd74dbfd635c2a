package io.glossa.model;

import io.glossa.features.BucketRows;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LabelSums} with the Vector API: per feature, one load of a block of stored weights (as many bytes as the
 * CPU's widest int vector has lanes: 16 with AVX-512, 8 with AVX2), their signed values widened to ints, one
 * multiply by the feature's weight and one add. The integers are those of {@link ScalarLabelSums}: {@code |sum| <
 * 2^31} by ScoringKernel's SUM_BUDGET, so int lanes do not overflow. Built only with {@code --add-modules
 * jdk.incubator.vector} (a separate compile, see pom.xml) and loaded by {@link VectorKernels}.
 */
final class VectorLabelSums implements LabelSums {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * Byte.SIZE));
    /** Stored bytes are w + 128; flipping the top bit gives w as a signed byte. */
    private static final byte SIGN = (byte) 0x80;

    private final byte[] table;

    private VectorLabelSums(byte[] table) {
        this.table = table;
    }

    /**
     * The kernel, or null when vectors narrower than 256 bits would run slower than the scalar kernel, or when a
     * block read at a row's last word could pass the row's end ({@code stride} bytes, weights from {@link
     * BucketRows#PAYLOAD_OFFSET}).
     */
    static LabelSums create(byte[] table, int stride, int slots) {
        int lanes = INTS.length();
        if (INTS.vectorBitSize() < 256
                || BucketRows.PAYLOAD_OFFSET + BucketRows.paddedLength(slots) + lanes - 8 > stride) {
            return null;
        }
        return new VectorLabelSums(table);
    }

    /**
     * One pass over the features for up to two blocks (32 labels with AVX-512: a Latin text's 28), so that each
     * feature's row offset and weight are read once; more blocks take more passes.
     */
    @Override
    public void accumulate(int[] rows, int[] xq, int m, long xSum, int fromWord, int endWord, int[] sums) {
        int lanes = INTS.length();
        int end = 8 * endWord;
        int s = 8 * fromWord;
        for (; s + lanes < end; s += 2 * lanes) {
            twoBlocks(rows, xq, m, s, sums);
        }
        if (s < end) {
            oneBlock(rows, xq, m, s, sums);
        }
    }

    private void oneBlock(int[] rows, int[] xq, int m, int s, int[] sums) {
        byte[] w = table;
        IntVector acc = IntVector.zero(INTS);
        for (int i = 0; i < m; i++) {
            acc = acc.add(weights(w, rows[i] + s).mul(xq[i]));
        }
        acc.intoArray(sums, s);
    }

    private void twoBlocks(int[] rows, int[] xq, int m, int s, int[] sums) {
        byte[] w = table;
        int lanes = INTS.length();
        IntVector acc0 = IntVector.zero(INTS);
        IntVector acc1 = IntVector.zero(INTS);
        for (int i = 0; i < m; i++) {
            int x = xq[i];
            int r = rows[i] + s;
            acc0 = acc0.add(weights(w, r).mul(x));
            acc1 = acc1.add(weights(w, r + lanes).mul(x));
        }
        acc0.intoArray(sums, s);
        acc1.intoArray(sums, s + lanes);
    }

    private static IntVector weights(byte[] w, int offset) {
        return (IntVector) ByteVector.fromArray(BYTES, w, offset)
                .lanewise(VectorOperators.XOR, SIGN)
                .castShape(INTS, 0);
    }

    @Override
    public int sumsLength(int slots) {
        return BucketRows.paddedLength(slots) + INTS.length();
    }

    @Override
    public String description() {
        return "vector (jdk.incubator.vector, " + INTS.vectorBitSize() + "-bit)";
    }
}
