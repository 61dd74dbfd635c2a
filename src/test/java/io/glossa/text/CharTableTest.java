package io.glossa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table must answer exactly as the Character methods the normaliser calls above it. */
class CharTableTest {
    @Test
    void everyCharacterOfTheTableIsClassifiedAsCharacterWouldClassifyIt() {
        for (char c = 0; c < CharTable.SIZE; c++) {
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            assertThat(CharTable.kind(c) == CharTable.SPACE)
                    .as("space U+%04X", (int) c)
                    .isEqualTo(space);
            boolean letter = !space && Character.isLetter(c);
            assertThat(CharTable.kind(c) == CharTable.LETTER)
                    .as("letter U+%04X", (int) c)
                    .isEqualTo(letter);
            assertThat(CharTable.kind(c) == CharTable.MARK)
                    .as("mark U+%04X", (int) c)
                    .isEqualTo(!space && !letter && CompositionCheck.isMark(c));
            assertThat(CharTable.kind(c) == CharTable.LETTER || CharTable.kind(c) == CharTable.DIGIT)
                    .as("letter or digit U+%04X", (int) c)
                    .isEqualTo(Character.isLetterOrDigit(c));
            if (letter) {
                int lower = Character.toLowerCase((int) c);
                assertThat((int) CharTable.lower(c)).as("lower U+%04X", (int) c).isEqualTo(lower);
                assertThat(CharTable.script(c)).as("script U+%04X", (int) c).isEqualTo(Scripts.of(lower));
            }
        }
    }

    @Test
    void textAcrossTheTableEdgeNormalisesAlike() {
        // U+07FF is the table's last character, U+0800 (Samaritan) the first the JDK answers for
        assertThat(TextNormalizer.normalize("Ǆemal ߊߋ ࠀࠁ Ωμέγα").toString()).isEqualTo(" ǆemal ߊߋ ࠀࠁ ωμέγα ");
    }
}
