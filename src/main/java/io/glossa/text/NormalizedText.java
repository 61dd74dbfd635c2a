package io.glossa.text;

import java.util.Arrays;

/**
 * Reusable output buffer of {@link TextNormalizer}: lower-case words of letters separated by single spaces,
 * with one space before the first and after the last word (so every word is padded, see the features).
 * Not thread-safe: one per thread.
 */
public final class NormalizedText {
    char[] chars = new char[256];
    int length;
    int letters;
    /** The {@link Scripts} bits of the letters appended. */
    int scripts;
    /** A letter changed by lower-casing came right before a mark: the output may need composing again. */
    boolean loweredBeforeMark;

    /** The characters; valid up to {@link #length()}. */
    public char[] chars() {
        return chars;
    }

    public int length() {
        return length;
    }

    /** How many letters (code points) the text has; 0 means there is nothing to classify. */
    public int letters() {
        return letters;
    }

    /** The {@link Scripts} bits of the text's letters (0 when it has none). */
    public int scripts() {
        return scripts;
    }

    public boolean isEmpty() {
        return letters == 0;
    }

    /**
     * Whether the text has at least one and at most {@code max} words; stops counting past {@code max}, so a long
     * text costs no more than a short one.
     */
    public boolean hasWordsUpTo(int max) {
        if (letters == 0) {
            return false;
        }
        int spaces = 0; // every word is followed by exactly one space, and the text starts with one
        for (int i = 1; i < length; i++) {
            if (chars[i] == ' ' && ++spaces > max) {
                return false;
            }
        }
        return true;
    }

    void clear() {
        length = 0;
        letters = 0;
        scripts = 0;
        loweredBeforeMark = false;
    }

    void append(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[length++] = c;
    }

    char last() {
        return length == 0 ? 0 : chars[length - 1];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
