package io.glossa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private static String norm(String s) {
        return TextNormalizer.normalize(s).toString();
    }

    @Test
    void lowerCasesAndPadsWords() {
        assertThat(norm("Hej Världen")).isEqualTo(" hej världen ");
    }

    @Test
    void digitsAndPunctuationBecomeSpacesAndWhitespaceCollapses() {
        assertThat(norm("  Hello,\t world!!  42 times...\n")).isEqualTo(" hello world times ");
        assertThat(norm("l'opera")).isEqualTo(" l opera ");
    }

    @Test
    void composesDecomposedText() {
        assertThat(norm("Cafe\u0301")).isEqualTo(" café ");
        assertThat(norm("Cafe\u0301")).isEqualTo(norm("Caf\u00e9"));
    }

    @Test
    void keepsCombiningMarksOfScriptsThatNeedThem() {
        // Devanagari vowel signs are combining marks; dropping them would destroy Hindi words.
        assertThat(norm("नमस्ते")).isEqualTo(" नमस्ते ");
    }

    @Test
    void removesUrlsEmailsHandlesAndTags() {
        assertThat(norm("see https://example.com/x?a=1 and www.foo.org now")).isEqualTo(" see and now ");
        assertThat(norm("mail me@example.com or @someone #hashtag ok")).isEqualTo(" mail or ok ");
        assertThat(norm("(http://x.y)")).isEqualTo(" ");
    }

    @Test
    void countsLetters() {
        NormalizedText t = TextNormalizer.normalize("ab 12 c!");
        assertThat(t.letters()).isEqualTo(3);
        assertThat(t.isEmpty()).isFalse();
    }

    @Test
    void countsWordsUpToALimit() {
        assertThat(TextNormalizer.normalize("Hej!").hasWordsUpTo(1)).isTrue();
        assertThat(TextNormalizer.normalize("  12 hej 34 ").hasWordsUpTo(1)).isTrue();
        assertThat(TextNormalizer.normalize("hej då").hasWordsUpTo(1)).isFalse();
        assertThat(TextNormalizer.normalize("hej då").hasWordsUpTo(2)).isTrue();
        assertThat(TextNormalizer.normalize("a b c d e f").hasWordsUpTo(3)).isFalse();
        assertThat(TextNormalizer.normalize("12 !!").hasWordsUpTo(3)).isFalse();
        assertThat(TextNormalizer.normalize("").hasWordsUpTo(3)).isFalse();
    }

    @Test
    void textWithoutLettersIsEmpty() {
        for (String s : new String[] {"", "   ", "12345", "!!! ???", "https://x.org", ":-) 😀"}) {
            NormalizedText t = TextNormalizer.normalize(s);
            assertThat(t.isEmpty()).as(s).isTrue();
            assertThat(t.letters()).isZero();
        }
    }

    @Test
    void handlesLettersOutsideTheBasicPlane() {
        // U+20000 (CJK extension B) is a letter encoded as a surrogate pair.
        String s = new String(Character.toChars(0x20000));
        assertThat(norm(s)).isEqualTo(" " + s + " ");
    }

    /** Found by TextNormalizerPropertiesTest: lower-casing "İ" gave "i" + a loose accent, not NFC "í". */
    @Test
    void lowerCasingThatMakesAComposablePairIsComposed() {
        assertThat(norm("\u0130\u0341")).isEqualTo(" \u00ed ");
        assertThat(norm(norm("\u0130\u0341"))).isEqualTo(norm("\u0130\u0341"));
    }

    @Test
    void reusesItsBufferForLongerTexts() {
        NormalizedText out = new NormalizedText();
        TextNormalizer.normalize("a".repeat(1000), out);
        assertThat(out.length()).isEqualTo(1002);
        TextNormalizer.normalize("Bc", out);
        assertThat(out.toString()).isEqualTo(" bc ");
    }

    @Test
    void analysesOnlyTheFirstCharactersOfHugeTexts() {
        NormalizedText t = TextNormalizer.normalize("ab ".repeat(100_000));
        assertThat(t.length()).isLessThanOrEqualTo(TextNormalizer.MAX_CHARS + 2);
    }
}
