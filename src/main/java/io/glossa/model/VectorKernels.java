package io.glossa.model;

/**
 * Finds the Vector API kernel ({@code VectorLabelSums}, compiled apart with the incubator module) when this JVM can
 * run it, without touching its classes otherwise: a plain {@code java -jar} has no {@code jdk.incubator.vector},
 * and loading the class there would fail.
 */
final class VectorKernels {
    static final String MODULE = "jdk.incubator.vector";
    /** Set to {@code false} to score with the scalar kernel although the module is present (paired benchmarks). */
    static final String PROPERTY = "glossa.vector";

    private VectorKernels() {}

    /** The vector kernel for these rows, or null when the module is absent, turned off or of no use here. */
    static LabelSums load(byte[] table, int stride, int slots) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty() || "false".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        try {
            return (LabelSums) Class.forName("io.glossa.model.VectorLabelSums")
                    .getDeclaredMethod("create", byte[].class, int.class, int.class)
                    .invoke(null, table, stride, slots);
        } catch (ReflectiveOperationException | LinkageError e) {
            // a jar built without the vector class, or a JVM whose module does not match it: the scalar kernel
            return null;
        }
    }
}
