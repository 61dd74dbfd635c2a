package io.glossa.training;

import java.util.SplittableRandom;

/**
 * Cuts short fragments out of training texts so the model also learns from inputs as short as the ones users
 * send (one to three words). Texts written without spaces (Japanese) get character windows instead of word windows.
 */
public final class Fragmenter {
    private static final int NO_SPACE_TOKEN = 12;
    private static final int MIN_CHARS = 2;
    private static final int MAX_CHARS = 12;

    private final int maxWords;

    public Fragmenter(int maxWords) {
        this.maxWords = maxWords;
    }

    /** A random fragment of {@code text}, or the text itself when it is no longer than the fragment would be. */
    public String cut(String text, SplittableRandom random) {
        String[] words = text.trim().split("\\s+");
        if (looksUnspaced(words)) {
            return charWindow(text.strip(), random);
        }
        // One word in about half the fragments: single words are the hardest inputs and the commonest short ones.
        int length = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(maxWords);
        if (words.length <= length) {
            return text;
        }
        int start = random.nextInt(words.length - length + 1);
        return String.join(" ", java.util.Arrays.asList(words).subList(start, start + length));
    }

    private static boolean looksUnspaced(String[] words) {
        int chars = 0;
        for (String w : words) {
            chars += w.length();
        }
        return chars / words.length > NO_SPACE_TOKEN;
    }

    private static String charWindow(String text, SplittableRandom random) {
        int length = MIN_CHARS + random.nextInt(MAX_CHARS - MIN_CHARS + 1);
        if (text.length() <= length) {
            return text;
        }
        int start = random.nextInt(text.length() - length + 1);
        if (Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        return text.substring(start, Math.min(text.length(), start + length));
    }
}
