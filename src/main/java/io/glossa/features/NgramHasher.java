package io.glossa.features;

import io.glossa.text.NormalizedText;

/**
 * Turns normalised text into hashed feature counts: every character n-gram of orders minN..maxN inside a
 * space-padded word (" ab", "ab ", so word starts and ends are features), plus each whole word.
 *
 * <p>Hashing is FNV-1a over UTF-16 units, finished with the murmur3 mixer and the n-gram order folded in,
 * so n-grams of different orders do not share a hash chain. All n-grams starting at one position come from one
 * running hash: O(length x maxN), no substrings. The hashes are part of the model file format: never change
 * them without bumping the format version.
 */
public final class NgramHasher {
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int ORDER_SALT = 0x9E3779B9;
    private static final int WORD_SEED = 0x5BD1E995;

    private final FeatureParams params;
    private final int mask;

    public NgramHasher(FeatureParams params) {
        this.params = params;
        this.mask = params.buckets() - 1;
    }

    public FeatureParams params() {
        return params;
    }

    /**
     * Adds 1 to {@code counts} for every feature occurrence in {@code text}, in order of first occurrence. Two
     * passes: all bucket indices into the counts' key buffer, then one insert each. Why: interleaved, every
     * unpredictable branch of the insert (a new key or a repeat) stalled the hashing as well; apart, the hashing
     * loop branches only on word ends, and the inserts run back to back (BENCHMARKS.md, "Classification speed").
     */
    public void count(NormalizedText text, FeatureCounts counts) {
        int len = text.length();
        int[] keys = counts.keyBuffer(len * params.maxN());
        int n = hashNgrams(text.chars(), len, keys);
        counts.addOnes(keys, n);
        if (params.wordFeatures()) {
            countWords(text.chars(), len, counts);
        }
    }

    /**
     * The n-grams starting at each position i, orders minN..hi, where hi stops at the first space after i (an
     * n-gram may start or end with a space, never hold one inside) and at the end of the text; a lone space is no
     * feature. Returns how many indices it wrote to {@code keys}.
     */
    private int hashNgrams(char[] c, int len, int[] keys) {
        int minN = params.minN();
        int maxN = params.maxN();
        int m = 0;
        int nextSpace = 0;
        for (int i = 0; i < len - 1; i++) {
            if (nextSpace <= i) {
                nextSpace = i + 1;
                while (nextSpace < len && c[nextSpace] != ' ') {
                    nextSpace++;
                }
            }
            int hi = Math.min(Math.min(maxN, nextSpace - i + 1), len - i);
            int lo = Math.max(minN, c[i] == ' ' ? 2 : 1);
            int h = FNV_OFFSET;
            for (int k = 0; k < hi; k++) {
                h = (h ^ c[i + k]) * FNV_PRIME;
                int n = k + 1;
                keys[m] = fmix(h ^ (n * ORDER_SALT)) & mask;
                m += n >= lo ? 1 : 0;
            }
        }
        return m;
    }

    private void countWords(char[] c, int len, FeatureCounts counts) {
        int h = WORD_SEED;
        boolean inWord = false;
        for (int i = 0; i < len; i++) {
            char ch = c[i];
            if (ch == ' ') {
                if (inWord) {
                    counts.add(fmix(h) & mask, 1f);
                }
                h = WORD_SEED;
                inWord = false;
            } else {
                h = (h ^ ch) * FNV_PRIME;
                inWord = true;
            }
        }
    }

    /** murmur3's 32-bit finaliser: spreads FNV's weak low bits over the whole word. */
    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** The bucket of one n-gram, for tests and diagnostics (the hot path never builds strings). */
    public int bucketOfNgram(String ngram) {
        int h = FNV_OFFSET;
        for (int k = 0; k < ngram.length(); k++) {
            h = (h ^ ngram.charAt(k)) * FNV_PRIME;
        }
        return fmix(h ^ (ngram.length() * ORDER_SALT)) & mask;
    }

    public int bucketOfWord(String word) {
        int h = WORD_SEED;
        for (int k = 0; k < word.length(); k++) {
            h = (h ^ word.charAt(k)) * FNV_PRIME;
        }
        return fmix(h) & mask;
    }
}
