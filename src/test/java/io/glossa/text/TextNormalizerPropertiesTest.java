package io.glossa.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.NastyText;
import io.glossa.testing.Property;
import org.junit.jupiter.api.Test;

/** Properties of the normaliser over arbitrary strings (lone surrogates, combining marks, huge inputs). */
class TextNormalizerPropertiesTest {

    @Test
    void neverThrowsAndKeepsItsShape() {
        Property.forAll(1_000, NastyText::any, text -> {
            String out = TextNormalizer.normalize(text).toString();

            assertThat(out.length()).isLessThanOrEqualTo(TextNormalizer.MAX_CHARS + 2);
            if (out.length() > 1) {
                assertThat(out).startsWith(" ").endsWith(" ").doesNotContain("  ");
            }
            // only letters, marks and single spaces survive: no digits, punctuation, controls or lone surrogates
            out.codePoints()
                    .forEach(cp -> assertThat(cp == ' ' || Character.isLetter(cp) || isMark(cp))
                            .as("U+%04X", cp)
                            .isTrue());
        });
    }

    /**
     * Normalising normalised text changes nothing, so a corpus that was cleaned by the normaliser features the same
     * as the raw text. Only the first MAX_CHARS characters are analysed, so outputs longer than that are outside
     * this property.
     */
    @Test
    void isIdempotent() {
        Property.forAll(1_000, NastyText::any, text -> {
            String once = TextNormalizer.normalize(text).toString();
            if (once.length() <= TextNormalizer.MAX_CHARS) {
                assertThat(TextNormalizer.normalize(once).toString()).isEqualTo(once);
            }
        });
    }

    @Test
    void countsLettersOfItsOutput() {
        Property.forAll(500, NastyText::any, text -> {
            NormalizedText out = TextNormalizer.normalize(text);
            long letters =
                    out.toString().codePoints().filter(Character::isLetter).count();
            assertThat(out.letters()).isEqualTo((int) letters);
            assertThat(out.isEmpty()).isEqualTo(letters == 0);
        });
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
