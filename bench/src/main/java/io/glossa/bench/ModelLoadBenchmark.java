package io.glossa.bench;

import io.glossa.model.LanguageModel;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Model load time. {@link #coldLoad} is what a starting process pays: one load per fresh JVM (no warm-up,
 * class loading and interpreter included), repeated over 10 forks. {@link #warmLoad} is the steady-state
 * cost of reading, checking and decoding the file once the JIT has compiled the loader (e.g. a hot reload).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelLoadBenchmark {
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public LanguageModel coldLoad() {
        return BenchModel.load();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public LanguageModel warmLoad() {
        return BenchModel.load();
    }
}
