package io.glossa.testing;

import java.util.Random;
import java.util.function.Function;

/**
 * A small property checker on plain JUnit: runs a check on many generated inputs from a seeded RNG. The seed is
 * fresh per run (so CI keeps exploring) unless {@code -Dglossa.seed=N} fixes it; a failure names the seed, the
 * try and the input, so it can be reproduced. Strings are shrunk (chunks removed while the check still fails)
 * before they are reported, so the report shows a small failing input rather than 30,000 characters.
 */
public final class Property {
    /** A check that may throw anything; an exception or assertion error is a counterexample. */
    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Exception;
    }

    private Property() {}

    /** The seed of this run: {@code -Dglossa.seed}, else random. */
    public static long seed() {
        String fixed = System.getProperty("glossa.seed");
        return fixed == null || fixed.isBlank() ? new Random().nextLong() : Long.parseLong(fixed.trim());
    }

    public static <T> void forAll(int tries, Function<Random, T> generator, Check<T> check) {
        long seed = seed();
        for (int i = 0; i < tries; i++) {
            T value = generator.apply(new Random(seed + i));
            Throwable failure = failure(check, value);
            if (failure != null) {
                T small = value instanceof String s ? castShrunk(s, check) : value;
                Throwable smallFailure = failure(check, small);
                throw new AssertionError(
                        "property failed (reproduce with -Dglossa.seed=" + seed + ", try " + i + ") on "
                                + describe(small) + ": " + smallFailure,
                        smallFailure);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T castShrunk(String value, Check<T> check) {
        return (T) Shrink.string(value, s -> failure((Check<String>) check, s) != null);
    }

    private static <T> Throwable failure(Check<T> check, T value) {
        try {
            check.accept(value);
            return null;
        } catch (Exception | AssertionError | StackOverflowError | OutOfMemoryError e) {
            return e;
        }
    }

    /** Java-escaped and cut, so control characters and lone surrogates are readable in a report. */
    public static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes " + java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 120))
                    + (bytes.length > 120 ? "…" : "");
        }
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(s.length(), 300); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(s.length() > 300 ? "…\" (" + s.length() + " chars)" : "\"")
                .toString();
    }
}
