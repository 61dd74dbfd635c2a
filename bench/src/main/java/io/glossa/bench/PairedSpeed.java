package io.glossa.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of glossa in one JVM, each in its own class loader: first how many of the texts they answer differently
 * and the largest difference of any probability (a speed change should change neither), then both classifying the
 * same texts in alternating turns of thread-CPU time; prints each build's texts per CPU-second and the per-turn
 * ratio B ÷ A. Why: on this shared machine
 * two runs of one build in separate JVMs differ by ±15 %, more than a step of optimisation gains; alternating short
 * turns in one process cancels the drift, and pairing each turn with its neighbour cancels the rest. Run:
 * {@code java -cp target/benchmarks.jar io.glossa.bench.PairedSpeed TEXTS.tsv OLD.jar NEW.jar [turns]}
 * (TEXTS.tsv: label TAB text per line; each jar's default model). A build given as {@code JAR,KEY=VALUE} loads its
 * model with that system property set: {@code glossa.jar,glossa.vector=false} is the scalar scoring kernel, to pair
 * with the vector one in a JVM started with {@code --add-modules jdk.incubator.vector}.
 */
public final class PairedSpeed {
    private static final long TURN_NANOS = 700_000_000L;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private PairedSpeed() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 3 || args.length > 4 || (args.length == 4 && !args[3].matches("[1-9][0-9]{0,3}"))) {
            System.err.println("usage: PairedSpeed TEXTS.tsv OLD.jar NEW.jar [turns, 1-9999; default 12]");
            System.exit(2);
        }
        for (int i = 0; i < 3; i++) {
            String file = i == 0 ? args[0] : Build.jarOf(args[i]);
            if (!Files.isRegularFile(Path.of(file))) {
                System.err.println("not a file: " + file);
                System.exit(2);
            }
        }
        int turns = args.length == 4 ? Integer.parseInt(args[3]) : 12;
        String[] texts = readTexts(Path.of(args[0]));
        Build a = new Build(args[1]);
        Build b = new Build(args[2]);
        compareAnswers(texts, a, b);
        a.run(texts, WARM_UP_NANOS);
        b.run(texts, WARM_UP_NANOS);
        double[] rateA = new double[turns];
        double[] rateB = new double[turns];
        double[] ratio = new double[turns];
        for (int t = 0; t < turns; t++) {
            rateA[t] = a.run(texts, TURN_NANOS);
            rateB[t] = b.run(texts, TURN_NANOS);
            ratio[t] = rateB[t] / rateA[t];
        }
        report(args[1], rateA);
        report(args[2], rateB);
        report("B / A per turn", ratio);
    }

    private static void compareAnswers(String[] texts, Build a, Build b) throws Throwable {
        int different = 0;
        float maxDelta = 0;
        for (String text : texts) {
            different += a.classify(text) == b.classify(text) ? 0 : 1;
            for (int k = 0; k < a.probabilities.length; k++) {
                maxDelta = Math.max(maxDelta, Math.abs(a.probabilities[k] - b.probabilities[k]));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d texts: %,d answered differently, largest probability difference %.2e%n",
                texts.length,
                different,
                maxDelta);
    }

    private static void report(String what, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(
                Locale.ROOT,
                "%-40s median %,.3f  min %,.3f  max %,.3f%n",
                what,
                v[v.length / 2],
                v[0],
                v[v.length - 1]);
    }

    private static String[] readTexts(Path file) throws java.io.IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                texts.add(line.substring(tab + 1));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + " has no 'label TAB text' lines");
        }
        return texts.toArray(new String[0]);
    }

    /** One build's model, reached through method handles: its classes are not this class's. */
    private static final class Build {
        private final Object model;
        private final Object scratch;
        private final float[] probabilities;
        private final MethodHandle classify;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        /** {@code JAR} or {@code JAR,KEY=VALUE}: the system property set while the model loads. */
        Build(String spec) throws Throwable {
            int comma = spec.indexOf(',');
            String[] property = comma < 0 ? null : spec.substring(comma + 1).split("=", 2);
            if (property != null && property.length != 2) {
                throw new IllegalArgumentException("expected JAR,KEY=VALUE, got " + spec);
            }
            String before = property == null ? null : System.setProperty(property[0], property[1]);
            try {
                model = load(Path.of(jarOf(spec)));
            } finally {
                if (property != null && before == null) {
                    System.clearProperty(property[0]);
                } else if (property != null) {
                    System.setProperty(property[0], before);
                }
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> type = model.getClass();
            Class<?> scratchType = Class.forName("io.glossa.model.LanguageModel$Scratch", true, type.getClassLoader());
            scratch = lookup.findVirtual(type, "newScratch", MethodType.methodType(scratchType))
                    .invoke(model);
            int labels = (int) lookup.findVirtual(type, "labelCount", MethodType.methodType(int.class))
                    .invoke(model);
            probabilities = new float[labels];
            classify = lookup.findVirtual(
                            type,
                            "classify",
                            MethodType.methodType(int.class, CharSequence.class, float[].class, scratchType))
                    .asType(MethodType.methodType(
                            int.class, Object.class, CharSequence.class, float[].class, Object.class));
        }

        static String jarOf(String spec) {
            int comma = spec.indexOf(',');
            return comma < 0 ? spec : spec.substring(0, comma);
        }

        private static Object load(Path jar) throws Throwable {
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName("io.glossa.model.LanguageModel", true, loader);
            return MethodHandles.publicLookup()
                    .findStatic(type, "loadDefault", MethodType.methodType(type))
                    .invoke();
        }

        int classify(String text) throws Throwable {
            return (int) classify.invokeExact(model, (CharSequence) text, probabilities, scratch);
        }

        /** Classifies texts in order for about {@code nanos} of this thread's CPU; returns texts per CPU-second. */
        double run(String[] texts, long nanos) throws Throwable {
            long start = threads.getCurrentThreadCpuTime();
            long done = 0;
            long answers = 0;
            long spent;
            do {
                for (int i = 0; i < 500; i++) {
                    answers += (int) classify.invokeExact(model, (CharSequence) texts[(int) (done % texts.length)],
                            probabilities, scratch);
                    done++;
                }
                spent = threads.getCurrentThreadCpuTime() - start;
            } while (spent < nanos);
            if (answers == Long.MIN_VALUE) {
                System.out.print(""); // keeps the answers live
            }
            return done / (spent / 1e9);
        }
    }
}
