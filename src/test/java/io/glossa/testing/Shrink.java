package io.glossa.testing;

import java.util.function.Predicate;

/** Makes a failing string smaller while it keeps failing: removes ever smaller chunks (delta debugging, bounded). */
final class Shrink {
    private static final int MAX_STEPS = 5_000;

    private Shrink() {}

    static String string(String failing, Predicate<String> fails) {
        String current = failing;
        int steps = 0;
        for (int chunk = Math.max(1, current.length() / 2); chunk >= 1 && steps < MAX_STEPS; chunk /= 2) {
            boolean removed = true;
            while (removed && steps < MAX_STEPS) {
                removed = false;
                for (int at = 0; at + chunk <= current.length() && steps < MAX_STEPS; at += chunk) {
                    String candidate = current.substring(0, at) + current.substring(at + chunk);
                    steps++;
                    if (fails.test(candidate)) {
                        current = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }
}
