package io.glossa.bench;

import io.glossa.model.LanguageModel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap held by a loaded model, measured two ways: the exact retained size of its object graph (JOL walks
 * every reachable object) and the growth of used heap after a full GC (MemoryMXBean), which also catches
 * anything the walk could miss. Run: {@code java -cp target/benchmarks.jar io.glossa.bench.ModelHeap}.
 */
public final class ModelHeap {
    private ModelHeap() {}

    public static void main(String[] args) throws InterruptedException {
        // JOL cannot read field offsets of hidden (lambda) classes, such as the model's ThreadLocal supplier,
        // without this; it must be set before JOL initialises.
        System.setProperty("jol.magicFieldOffset", "true");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Load and drop one model first so the classes and static state it needs are not counted.
        BenchModel.load();
        long before = usedAfterGc(memory);
        LanguageModel model = BenchModel.load();
        long after = usedAfterGc(memory);
        long graph = GraphLayout.parseInstance(model).totalSize();
        System.out.printf("model %s, %d labels%n", model.version(), model.labelCount());
        System.out.printf("retained object graph (JOL): %,d bytes = %.2f MiB%n", graph, graph / 1048576.0);
        System.out.printf("used heap growth after GC (MemoryMXBean): %,d bytes = %.2f MiB%n",
                after - before, (after - before) / 1048576.0);
        java.lang.ref.Reference.reachabilityFence(model); // the model must stay live while the heap is measured
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
