package io.glossa.testing;

import java.util.Random;

/**
 * Strings that break text code: any UTF-16 unit (lone surrogates included), runs of combining marks, controls
 * and NULs, bidi and zero-width characters, Hangul jamo, case-mapping oddities, mixed with ordinary letters.
 */
public final class NastyText {
    private static final char[] SPECIALS = {
        ' ', '\t', '\n', '\r', '\u0000', '\u200b', '\u202e', '\ufeff', '\u00a0', '@', '#', ':', '/', '.', '\u0130',
        '\u00df', '\u03a3', '\u0345', '\u1e9e', '\u2126', '\u212a'
    };

    private NastyText() {}

    /** Mostly short, sometimes very long (past the normaliser's cut-off of 10,000 characters). */
    public static String any(Random random) {
        int roll = random.nextInt(20);
        int length =
                roll == 0 ? 10_000 + random.nextInt(40_000) : roll < 4 ? random.nextInt(2_000) : random.nextInt(60);
        return of(random, length);
    }

    public static String of(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(nextChar(random));
        }
        return sb.toString();
    }

    private static char nextChar(Random random) {
        int kind = random.nextInt(14);
        return switch (kind) {
            case 0, 1, 2 -> (char) random.nextInt(0x10000); // anything, lone surrogates included
            case 3, 4, 5 -> (char) ('a' + random.nextInt(26));
            case 6 -> (char) ('A' + random.nextInt(26));
            case 7, 8 -> (char) (0x300 + random.nextInt(0x70)); // combining diacritics
            case 9 -> (char) (0xd800 + random.nextInt(0x800)); // surrogates, paired or not
            case 10 -> (char) (0x900 + random.nextInt(0x80)); // Devanagari: marks inside words
            case 11 -> (char) (0x1100 + random.nextInt(0x100)); // conjoining Hangul jamo
            default -> SPECIALS[random.nextInt(SPECIALS.length)];
        };
    }
}
