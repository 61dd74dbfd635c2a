package io.glossa.model;

/**
 * How big a model this process agrees to load, checked against the file's header before anything is allocated.
 * A 1 MB file may declare 2^22 buckets × 256 labels of deflated zeros: 1 GiB once decompressed, 2.6 GB of heap
 * while loading, which put a -Xmx512m serve into a crash loop when such a model was activated.
 *
 * @param maxLabels            the most labels a model may have
 * @param maxDecompressedBytes the most bytes its sections may decompress to; loading needs about two to three
 *                             times that at its peak (the sections, then the packed rows scoring reads)
 */
public record ModelLimits(int maxLabels, long maxDecompressedBytes) {
    /** Far more languages than exist in any corpus; a label costs a byte per bucket. */
    public static final int MAX_LABELS = 1024;
    /** Deflate cannot expand data by more than about 1032 : 1; a section declaring more is not what it claims. */
    static final long MAX_DEFLATE_RATIO = 1032;

    /**
     * For the model inside the jar: it is glossa's own, so only the heap limits it; on a heap too small for it the
     * load ends in an OutOfMemoryError, which the CLI reports as one line (exit 70).
     */
    public static final ModelLimits BUILT_IN = new ModelLimits(MAX_LABELS, Long.MAX_VALUE);

    /** An eighth of this JVM's heap (-Xmx): the default model needs 6 MB of it, one of 2^20 buckets 48 MB. */
    public static ModelLimits forThisJvm() {
        return new ModelLimits(MAX_LABELS, Runtime.getRuntime().maxMemory() / 8);
    }
}
