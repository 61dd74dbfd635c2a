package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageNamesTest {
    private static final List<String> CODES = List.of("ar", "bg", "ca", "cs", "da", "de", "en", "es", "et", "eu",
            "fa", "fi", "fr", "he", "hi", "hr", "hu", "id", "it", "ja", "kk", "ko", "lt", "ms", "nl", "no", "pl", "pt",
            "ro", "ru", "sk", "sl", "sr", "sv", "tr", "uk", "vi", "war");

    @Test
    void knowsEnglishAndNativeNames() {
        assertThat(LanguageNames.of("sv")).isEqualTo(new LanguageNames.Names("Swedish", "Svenska"));
        assertThat(LanguageNames.of("war")).isEqualTo(new LanguageNames.Names("Waray", "Winaray"));
        assertThat(LanguageNames.of("no")).isEqualTo(new LanguageNames.Names("Norwegian", "Norsk"));
        assertThat(LanguageNames.english("ja")).isEqualTo("Japanese");
        assertThat(LanguageNames.nativeName("ja")).isEqualTo("日本語");
    }

    @Test
    void everyDefaultLabelHasNames() {
        assertThat(CODES).hasSize(38).allSatisfy(code -> {
            assertThat(LanguageNames.isKnown(code)).as(code).isTrue();
            assertThat(LanguageNames.english(code)).isNotEqualTo(code);
        });
    }

    @Test
    void unknownLabelIsNamedByItsCode() {
        assertThat(LanguageNames.of("xx-custom")).isEqualTo(new LanguageNames.Names("xx-custom", "xx-custom"));
        assertThat(LabelInfo.of("tlh")).isEqualTo(new LabelInfo("tlh", "tlh", "tlh"));
    }
}
