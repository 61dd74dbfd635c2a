package io.glossa.text;

/**
 * What the normaliser asks of a character, precomputed for the first {@link #SIZE} code points (Latin, Greek,
 * Cyrillic, Armenian, Hebrew, Arabic) from the same {@link Character} methods it calls for the rest. Why: those calls
 * cost tens of cycles a character, about a tenth of classifying a sentence; one table read gives the same answers.
 */
final class CharTable {
    static final int SIZE = 0x800;

    static final byte SPACE = 1;
    static final byte LETTER = 2;
    static final byte MARK = 3;
    static final byte DIGIT = 4;
    static final byte OTHER = 5;

    private static final byte[] KIND = new byte[SIZE];
    private static final char[] LOWER = new char[SIZE];
    /** The {@link Scripts} bit of the lower-case letter. */
    private static final short[] SCRIPT = new short[SIZE];

    static {
        for (char c = 0; c < SIZE; c++) {
            KIND[c] = kindOf(c);
            int lower = Character.toLowerCase((int) c);
            if (KIND[c] == LETTER && !Character.isBmpCodePoint(lower)) {
                throw new IllegalStateException("U+" + Integer.toHexString(c) + " lower-cases outside the BMP");
            }
            LOWER[c] = (char) lower;
            SCRIPT[c] = (short) Scripts.of(lower);
        }
    }

    private CharTable() {}

    private static byte kindOf(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return SPACE;
        }
        if (Character.isLetter(c)) {
            return LETTER;
        }
        if (CompositionCheck.isMark(c)) {
            return MARK;
        }
        return Character.isDigit(c) ? DIGIT : OTHER;
    }

    /** One of the kinds above; {@code c} must be below {@link #SIZE}. */
    static byte kind(char c) {
        return KIND[c];
    }

    static char lower(char c) {
        return LOWER[c];
    }

    static int script(char c) {
        return SCRIPT[c];
    }
}
