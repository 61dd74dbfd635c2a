package io.glossa.access;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests a key may make: {@code perSecond} on average, with bursts of up to {@code burst} at once.
 * Written as {@code 50/s}, {@code 600/m} or {@code 3600/h}.
 */
public record RateLimit(double perSecond, int burst) {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*([smh])\\s*");
    /** Far above anything one process can serve; guards against typos like 5000000/s becoming "unlimited". */
    private static final double MAX_PER_SECOND = 1_000_000;

    /** @throws IllegalArgumentException with a message a user can act on */
    public RateLimit {
        if (!(perSecond > 0) || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException(
                    "a rate limit must be above 0 and at most 1000000/s, got " + perSecond + "/s");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a rate burst must be at least 1, got " + burst);
        }
    }

    /**
     * @param burst null: twice the per-second rate (at least 1), so a client may catch up after a short pause
     * @throws IllegalArgumentException naming the expected form
     */
    public static RateLimit parse(String rate, Integer burst) {
        Matcher m = TEXT.matcher(rate == null ? "" : rate);
        if (!m.matches()) {
            throw new IllegalArgumentException("a rate limit looks like 50/s, 600/m or 3600/h, got '" + rate + "'");
        }
        double count = Double.parseDouble(m.group(1));
        double perSecond = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "s" -> count;
            case "m" -> count / 60;
            default -> count / 3600;
        };
        return new RateLimit(perSecond, burst != null ? burst : (int) Math.max(1, Math.ceil(2 * perSecond)));
    }

    /** "50/s, burst 100" (rates below one per second per minute, below one per minute per hour). */
    public String describe() {
        String rate = perSecond >= 1
                ? format(perSecond) + "/s"
                : perSecond * 60 >= 1 ? format(perSecond * 60) + "/m" : format(perSecond * 3600) + "/h";
        return rate + ", burst " + burst;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
