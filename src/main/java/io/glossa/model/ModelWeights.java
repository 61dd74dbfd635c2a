package io.glossa.model;

/**
 * The numbers of a linear model over hashed features, int8-quantised per row:
 * {@code score[c] = bias[c] + sum_f x[f] * rowScale[f] * weights[f * labels + c]}.
 * One scale per feature row keeps the relative precision of rare, strong rows and of common, weak ones.
 */
public record ModelWeights(int labels, float[] idf, float[] rowScale, byte[] weights, float[] bias) {
    public ModelWeights {
        if (labels < 1) {
            throw new IllegalArgumentException("a model needs at least one label");
        }
        if (rowScale.length != idf.length || (long) idf.length * labels != weights.length || bias.length != labels) {
            throw new IllegalArgumentException("inconsistent weight shapes: idf " + idf.length + ", scales "
                    + rowScale.length + ", weights " + weights.length + ", bias " + bias.length + ", labels " + labels);
        }
    }

    public int buckets() {
        return idf.length;
    }

    /** Quantises float weights laid out {@code [bucket * labels + label]}; all-zero rows get scale 0. */
    public static ModelWeights quantize(int labels, float[] idf, float[] floatWeights, float[] bias) {
        int buckets = idf.length;
        float[] scales = new float[buckets];
        byte[] q = new byte[floatWeights.length];
        for (int f = 0; f < buckets; f++) {
            int base = f * labels;
            float max = 0;
            for (int c = 0; c < labels; c++) {
                max = Math.max(max, Math.abs(floatWeights[base + c]));
            }
            if (max == 0) {
                continue;
            }
            float scale = max / 127f;
            scales[f] = scale;
            for (int c = 0; c < labels; c++) {
                q[base + c] = (byte) Math.round(floatWeights[base + c] / scale);
            }
        }
        return new ModelWeights(labels, idf.clone(), scales, q, bias.clone());
    }

    /** Rows that hold any weight (the rest are unused hash buckets). */
    public int usedRows() {
        int used = 0;
        for (float s : rowScale) {
            if (s != 0) {
                used++;
            }
        }
        return used;
    }
}
