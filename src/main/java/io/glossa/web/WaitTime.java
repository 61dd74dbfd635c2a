package io.glossa.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code ?wait=}: "5s", "500ms", "2" (seconds), "1m"; capped so no request holds a connection forever. */
final class WaitTime {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private WaitTime() {}

    static Duration parse(String value, Duration max) {
        if (value == null || value.isEmpty()) {
            return Duration.ZERO;
        }
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new ProblemException(
                    400,
                    "invalid-wait",
                    "Invalid Wait",
                    "wait=" + value + " is not a duration; use e.g. wait=5s, wait=500ms or wait=2 (seconds)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration wait = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
