package io.glossa.text;

import java.text.Normalizer;

/**
 * A cheap, conservative pre-check for NFC: says whether a text might not be in NFC, so the JDK's check (which
 * allocates ~100 bytes per call) runs only when it can matter. Why: Devanagari and Arabic put combining marks in
 * nearly every word, yet almost all of them are already composed; checking every such text allocated on the hot path.
 *
 * <p>A text may need composing when it holds a character that composes with the one before it or is not NFC on its
 * own, or two marks in a row that both have a non-zero combining class (their order may be wrong). The table is
 * derived from the JDK's own normaliser once, on the first text with a character at or above U+0300 (tens of
 * milliseconds).
 */
final class CompositionCheck {
    private static final byte COMPOSES = 1;
    private static final byte NON_STARTER = 2;

    private CompositionCheck() {}

    static boolean mayNeedComposition(CharSequence in) {
        byte previous = 0;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c < 0x300) {
                previous = 0;
                continue;
            }
            byte flags = Table.FLAGS[c];
            if ((flags & COMPOSES) != 0 || (flags & previous & NON_STARTER) != 0) {
                return true;
            }
            previous = flags;
        }
        return false;
    }

    /** Built on first use (the holder idiom), so Latin-only runs never pay for it. */
    private static final class Table {
        static final byte[] FLAGS = build();

        private static byte[] build() {
            byte[] flags = new byte[Character.MAX_VALUE + 1];
            for (int c = 0x300; c <= Character.MAX_VALUE; c++) {
                if (!hasNoMarks(c)) {
                    flag(flags, (char) c);
                }
            }
            for (int c = 0x1100; c <= 0x11FF; c++) {
                flags[c] |= COMPOSES; // conjoining jamo compose into the (skipped) Hangul syllables
            }
            return flags;
        }

        /** Blocks without decompositions or marks (CJK, Yi, Hangul syllables, surrogates, private use). */
        private static boolean hasNoMarks(int c) {
            return (c >= 0x3400 && c <= 0x4DBF)
                    || (c >= 0x4E00 && c <= 0x9FFF)
                    || (c >= 0xA000 && c <= 0xA4CF)
                    || (c >= 0xAC00 && c <= 0xF8FF);
        }

        private static void flag(byte[] flags, char c) {
            String one = String.valueOf(c);
            if (!Normalizer.isNormalized(one, Normalizer.Form.NFC)) {
                flags[c] |= COMPOSES;
            }
            String decomposed = Normalizer.normalize(one, Normalizer.Form.NFD);
            for (int k = 1; k < decomposed.length(); k++) {
                flags[decomposed.charAt(k)] |= COMPOSES; // a second part of a decomposition may compose backwards
            }
            if (isMark(c) && (reorders("\u0301" + one) || reorders(one + "\u0334"))) {
                flags[c] |= NON_STARTER; // combining class between 1 and 229 (first probe) or above 1 (second)
            }
        }

        private static boolean reorders(String s) {
            return !Normalizer.normalize(s, Normalizer.Form.NFD).equals(s);
        }
    }

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
