package io.glossa.pipeline;

import java.time.Instant;

/**
 * ISO-8601 UTC times as glossa writes them ({@code 2026-12-08T04:21:30.123456Z}), read and written without
 * {@link java.time.format.DateTimeFormatter}. Why: every text's times cross the pipeline several times (job
 * messages, delivery headers, result events, the API's answers); reading them took 6.5 % of the worker threads' time
 * at 1,000 texts/s, and the JDK's parse costs about 20 times this one's (BENCHMARKS.md, "Where the CPU goes"). The
 * results are exactly {@link Instant#toString()} and
 * {@link Instant#parse}: anything outside the common form (years past 9999, leap seconds, malformed text) is handed to
 * them, so the same text gives the same instant or the same exception.
 */
public final class UtcInstants {
    private static final int SHORTEST = "2026-01-01T00:00:00Z".length();
    private static final int LONGEST = "2026-01-01T00:00:00.123456789Z".length();
    private static final long SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;

    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private UtcInstants() {}

    /** Whether the instant falls in the years 0000–9999, which ISO-8601 writes with four digits and no sign. */
    public static boolean hasFourDigitYear(Instant instant) {
        long seconds = instant.getEpochSecond();
        return seconds >= YEAR_0000 && seconds < YEAR_10000;
    }

    /** The same text as {@link Instant#toString()}. */
    public static String format(Instant instant) {
        if (!hasFourDigitYear(instant)) {
            return instant.toString();
        }
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil date from days since 1970-01-01, in eras of 400 years that start on March 1st
        long shifted = days + DAYS_0000_03_01_TO_EPOCH;
        long era = Math.floorDiv(shifted, 146_097);
        int dayOfEra = (int) (shifted - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        int nanos = instant.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        char[] out = new char[SHORTEST + (fraction == 0 ? 0 : fraction + 1)];
        digits(out, 0, (int) year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int at = 19;
        if (fraction > 0) {
            out[at++] = '.';
            digits(out, at, nanos / pow10(9 - fraction), fraction);
            at += fraction;
        }
        out[at] = 'Z';
        return new String(out);
    }

    /** The same instant, or the same exception, as {@link Instant#parse}. */
    public static Instant parse(CharSequence text) {
        Instant fast = parseCommonForm(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, else null. */
    private static Instant parseCommonForm(CharSequence s) {
        int length = s.length();
        if (length < SHORTEST
                || length > LONGEST
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return null;
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null; // 23:59:60 included: Instant.parse's own handling of a leap second applies
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int digits = length - SHORTEST - 1;
            if (s.charAt(19) != '.' || digits < 1) {
                return null;
            }
            int fraction = number(s, 20, digits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * pow10(9 - digits);
        }
        long days = epochDay(year, month, day);
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Days since 1970-01-01 (the inverse of the conversion in {@link #format}). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
    }

    private static int daysIn(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The ASCII digits {@code s[from, from + count)} as a number, or -1 if any is not a digit. */
    private static int number(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
