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
