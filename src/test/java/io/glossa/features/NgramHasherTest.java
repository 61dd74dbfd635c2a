package io.glossa.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.text.TextNormalizer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramHasherTest {
    private static Map<Integer, Float> count(FeatureParams p, String text) {
        FeatureCounts counts = new FeatureCounts();
        new NgramHasher(p).count(TextNormalizer.normalize(text), counts);
        Map<Integer, Float> m = new HashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            m.put(counts.keyAt(i), counts.valueAt(i));
        }
        return m;
    }

    @Test
    void emitsEveryNgramOfThePaddedWordWithBoundaryMarks() {
        FeatureParams p = new FeatureParams(20, 1, 3, false);
        NgramHasher h = new NgramHasher(p);
        Map<Integer, Float> m = count(p, "ab");
        // " ab ": 1-grams a b; 2-grams " a" ab "b "; 3-grams " ab" "ab " (the lone space is not a feature)
        assertThat(m.keySet())
                .containsExactlyInAnyOrder(
                        h.bucketOfNgram("a"),
                        h.bucketOfNgram("b"),
                        h.bucketOfNgram(" a"),
                        h.bucketOfNgram("ab"),
                        h.bucketOfNgram("b "),
                        h.bucketOfNgram(" ab"),
                        h.bucketOfNgram("ab "));
    }

    @Test
    void ngramsDoNotCrossWords() {
        FeatureParams p = new FeatureParams(20, 2, 3, false);
        NgramHasher h = new NgramHasher(p);
        assertThat(count(p, "ab cd").keySet())
                .containsExactlyInAnyOrder(
                        h.bucketOfNgram(" a"),
                        h.bucketOfNgram(" ab"),
                        h.bucketOfNgram("ab"),
                        h.bucketOfNgram("ab "),
                        h.bucketOfNgram("b "),
                        h.bucketOfNgram(" c"),
                        h.bucketOfNgram(" cd"),
                        h.bucketOfNgram("cd"),
                        h.bucketOfNgram("cd "),
                        h.bucketOfNgram("d "));
    }

    @Test
    void countsRepeatsAndAddsWholeWords() {
        FeatureParams p = new FeatureParams(20, 1, 2, true);
        NgramHasher h = new NgramHasher(p);
        Map<Integer, Float> m = count(p, "aa aa");
        assertThat(m.get(h.bucketOfNgram("a"))).isEqualTo(4f);
        assertThat(m.get(h.bucketOfWord("aa"))).isEqualTo(2f);
    }

    @Test
    void hashesAreStableAcrossReleases() {
        // Buckets are part of the model file format: a change here silently breaks every saved model.
        NgramHasher h = new NgramHasher(new FeatureParams(18, 1, 5, true));
        assertThat(h.bucketOfNgram(" th")).isEqualTo(pinned(" th"));
        // computed outside Java (Python) from the same definition
        assertThat(h.bucketOfWord("the")).isEqualTo(120773);
        assertThat(NgramHasher.fmix(0)).isZero();
        assertThat(NgramHasher.fmix(1)).isEqualTo(0x514E28B7);
    }

    private static int pinned(String ngram) {
        // FNV-1a then murmur3 fmix32 with the order salt, written out independently of NgramHasher.
        int h = 0x811C9DC5;
        for (char c : ngram.toCharArray()) {
            h = (h ^ c) * 0x01000193;
        }
        h ^= ngram.length() * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & ((1 << 18) - 1);
    }

    @Test
    void countsEqualANaiveEnumerationInOrderOfFirstOccurrence() {
        String[] texts = {"ab", "a b c", "Ein kleiner Text, ganz kurz.", "Съешь же ещё этих мягких булок", "x  yy   zzz"
        };
        for (FeatureParams p : new FeatureParams[] {
            new FeatureParams(12, 1, 5, true), new FeatureParams(16, 2, 3, false), new FeatureParams(16, 3, 8, true)
        }) {
            for (String text : texts) {
                FeatureCounts counts = new FeatureCounts(4);
                new NgramHasher(p).count(TextNormalizer.normalize(text), counts);
                Map<Integer, Float> actual = new java.util.LinkedHashMap<>();
                for (int i = 0; i < counts.size(); i++) {
                    actual.put(counts.keyAt(i), counts.valueAt(i));
                }
                assertThat(actual).as("%s %s", p, text).containsExactlyEntriesOf(naiveCounts(p, text));
            }
        }
    }

    /** Every substring of 1..maxN characters without a space inside (a lone space excluded), then the words. */
    private static Map<Integer, Float> naiveCounts(FeatureParams p, String text) {
        NgramHasher h = new NgramHasher(p);
        String t = TextNormalizer.normalize(text).toString();
        Map<Integer, Float> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < t.length() - 1; i++) {
            for (int n = p.minN(); n <= p.maxN() && i + n <= t.length(); n++) {
                String g = t.substring(i, i + n);
                if (!g.equals(" ") && (n < 3 || !g.substring(1, n - 1).contains(" "))) {
                    m.merge(h.bucketOfNgram(g), 1f, Float::sum);
                }
            }
        }
        if (p.wordFeatures()) {
            for (String word : t.trim().split(" ")) {
                m.merge(h.bucketOfWord(word), 1f, Float::sum);
            }
        }
        return m;
    }

    @Test
    void bucketsStayInRange() {
        FeatureParams p = new FeatureParams(10, 1, 4, true);
        assertThat(count(p, "Съешь же ещё этих мягких французских булок").keySet())
                .allSatisfy(k -> assertThat(k).isBetween(0, 1023));
    }
}
