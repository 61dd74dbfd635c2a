package io.glossa.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.Property;
import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompositionCheckTest {
    /** Bases, marks of several combining classes, nukta, virama, jamo and singletons: where NFC gets subtle. */
    private static final String POOL = "aeiAEIİkसकनরো\u093e\u093c\u094d\u0301\u0300\u0323\u0334\u0327\u064e\u0651"
            + "\u05b8\u05bc\u1100\u1161\u11a8\u212b\u2126\u0958\u0344 ";

    @Test
    void neverCallsATextComposedThatIsNot() {
        Property.forAll(20_000, CompositionCheckTest::markSoup, text -> {
            if (!CompositionCheck.mayNeedComposition(text)) {
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC))
                        .as(Property.describe(text))
                        .isTrue();
            }
        });
    }

    @Test
    void theNormalisersOutputIsAlwaysComposed() {
        Property.forAll(
                5_000,
                CompositionCheckTest::markSoup,
                text -> assertThat(Normalizer.isNormalized(
                                TextNormalizer.normalize(text).toString(), Normalizer.Form.NFC))
                        .isTrue());
    }

    @Test
    void composedHindiAndArabicNeedNoCheck() {
        assertThat(CompositionCheck.mayNeedComposition("नमस्ते दुनिया, यह हिन्दी है"))
                .isFalse();
        assertThat(CompositionCheck.mayNeedComposition("مَرْحَبًا بِكُمْ")).isFalse();
        assertThat(CompositionCheck.mayNeedComposition("e\u0301")).isTrue();
        assertThat(CompositionCheck.mayNeedComposition("\u1100\u1161")).isTrue();
    }

    private static String markSoup(Random random) {
        int length = 1 + random.nextInt(8);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(POOL.charAt(random.nextInt(POOL.length())));
        }
        return text.toString();
    }
}
