package io.glossa.bench;

import io.glossa.features.BucketRows;
import java.util.Locale;
import java.util.Random;

/**
 * How long packing one head's rows takes, cold and then warm: 2^17 buckets of 38 labels, as the default model's.
 * The first pack in a fresh JVM runs before the JIT has compiled the loop, as at process start. Run (one CPU, as
 * compare.sh): {@code taskset -c 1 java -XX:ActiveProcessorCount=1 -cp target/benchmarks.jar io.glossa.bench.PackTime}.
 */
public final class PackTime {
    private static final int BUCKETS = 1 << 17;
    private static final int LABELS = 38;

    private PackTime() {}

    public static void main(String[] args) {
        Random random = new Random(1);
        float[] idf = new float[BUCKETS];
        float[] scale = new float[BUCKETS];
        byte[] weights = new byte[BUCKETS * LABELS];
        random.nextBytes(weights);
        for (int b = 0; b < BUCKETS; b++) {
            idf[b] = random.nextFloat();
            scale[b] = random.nextFloat();
        }
        int[] slot = new int[LABELS];
        for (int c = 0; c < LABELS; c++) {
            slot[c] = LABELS - 1 - c;
        }
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            BucketRows rows = BucketRows.pack(idf, scale, weights, LABELS, slot);
            System.out.printf(
                    Locale.ROOT,
                    "pack %d: %.1f ms (%d bytes)%n",
                    round,
                    (System.nanoTime() - start) / 1e6,
                    rows.bytes().length);
        }
    }
}
