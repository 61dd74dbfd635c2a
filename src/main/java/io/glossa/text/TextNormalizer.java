package io.glossa.text;

import java.text.Normalizer;

/**
 * The one normalisation used in training and prediction, so both see the same text:
 * NFC; tokens that are URLs, e-mail addresses, @handles or #tags removed; letters (and combining marks, which
 * carry vowels in Devanagari and Arabic) lower-cased per code point with root-locale rules; everything else
 * (digits, punctuation, symbols) becomes a space; whitespace collapsed; the result padded with one space
 * on each side.
 *
 * <p>Allocation-free for text already in NFC (the normal case): the NFC pass only runs when
 * {@link CompositionCheck} says the text may not be composed. Only the first
 * {@link #MAX_CHARS} characters are analysed: beyond that, more text does not change the language.
 */
public final class TextNormalizer {
    public static final int MAX_CHARS = 10_000;

    private TextNormalizer() {}

    public static NormalizedText normalize(CharSequence text) {
        NormalizedText out = new NormalizedText();
        normalize(text, out);
        return out;
    }

    public static void normalize(CharSequence text, NormalizedText out) {
        out.clear();
        CharSequence in = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
        if (CompositionCheck.mayNeedComposition(in) && !Normalizer.isNormalized(in, Normalizer.Form.NFC)) {
            in = Normalizer.normalize(in, Normalizer.Form.NFC);
        }
        out.append(' ');
        int n = in.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(in.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(in.charAt(i))) {
                i++;
            }
            if (start < i && !isNonWord(in, start, i)) {
                appendToken(in, start, i, out);
            }
        }
        if (out.length > 1 && out.last() != ' ') {
            out.append(' ');
        }
        if (out.letters == 0) {
            out.length = out.length > 0 ? 1 : 0;
        }
        if (out.loweredBeforeMark) {
            recompose(out);
        }
    }

    /**
     * Lower-casing can make a letter and the mark after it composable ("İ" + acute stays two code points, "i" +
     * acute is "í"): composing again keeps the output in NFC, so normalising normalised text changes nothing.
     * Only text where a letter that lower-casing changed is followed by a mark gets here: scripts without case
     * (Devanagari, Arabic: marks in every word) keep their single pass and allocate nothing.
     */
    private static void recompose(NormalizedText out) {
        String chars = out.toString();
        if (Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
            return;
        }
        String composed = Normalizer.normalize(chars, Normalizer.Form.NFC);
        out.length = 0;
        for (int i = 0; i < composed.length(); i++) {
            out.append(composed.charAt(i));
        }
        out.letters = (int) composed.codePoints().filter(Character::isLetter).count();
    }

    private static void appendToken(CharSequence in, int start, int end, NormalizedText out) {
        boolean lowered = false;
        int i = start;
        while (i < end) {
            char ch = in.charAt(i);
            if (ch < CharTable.SIZE) { // the same steps as below, from the table
                i++;
                byte kind = CharTable.kind(ch);
                if (kind == CharTable.LETTER) {
                    char lower = CharTable.lower(ch);
                    out.append(lower);
                    out.letters++;
                    out.scripts |= CharTable.script(ch);
                    lowered = lower != ch;
                } else if (kind == CharTable.MARK && out.last() != ' ') {
                    out.append(ch);
                    out.loweredBeforeMark |= lowered;
                } else if (out.last() != ' ') {
                    out.append(' ');
                }
                continue;
            }
            int cp = Character.codePointAt(in, i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                int lower = Character.toLowerCase(cp);
                appendCodePoint(lower, out);
                out.letters++;
                out.scripts |= Scripts.of(lower);
                lowered = lower != cp;
            } else if (CompositionCheck.isMark(cp) && out.last() != ' ') {
                appendCodePoint(cp, out);
                out.loweredBeforeMark |= lowered;
            } else if (out.last() != ' ') {
                out.append(' ');
            }
        }
        if (out.last() != ' ') {
            out.append(' ');
        }
    }

    private static void appendCodePoint(int cp, NormalizedText out) {
        if (Character.isBmpCodePoint(cp)) {
            out.append((char) cp);
        } else {
            out.append(Character.highSurrogate(cp));
            out.append(Character.lowSurrogate(cp));
        }
    }

    /** URLs, e-mail addresses, @handles and #tags say little about the language of the text around them. */
    private static boolean isNonWord(CharSequence in, int start, int end) {
        int s = start;
        while (s < end && !isLetterOrDigit(in.charAt(s)) && in.charAt(s) != '@' && in.charAt(s) != '#') {
            s++;
        }
        if (s == end) {
            return false;
        }
        char first = in.charAt(s);
        if (first == '#' || first == '@') {
            return true;
        }
        for (int i = s; i < end; i++) {
            char c = in.charAt(i);
            if (c == '@' && i > s) {
                return true;
            }
            if (c == ':' && i + 2 < end && in.charAt(i + 1) == '/' && in.charAt(i + 2) == '/') {
                return true;
            }
        }
        return end - s > 4 && regionIgnoreCase(in, s, "www.");
    }

    private static boolean regionIgnoreCase(CharSequence in, int at, String prefix) {
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(in.charAt(at + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        if (c < CharTable.SIZE) {
            return CharTable.kind(c) == CharTable.SPACE;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isLetterOrDigit(char c) {
        if (c < CharTable.SIZE) {
            byte kind = CharTable.kind(c);
            return kind == CharTable.LETTER || kind == CharTable.DIGIT;
        }
        return Character.isLetterOrDigit(c);
    }
}
