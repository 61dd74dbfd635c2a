package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageNamesTest {
    private static final List<String> CODES = List.of(
            "ar", "bg", "ca", "cs", "da", "de", "en", "es", "et", "eu", "fa", "fi", "fr", "he", "hi", "hr", "hu", "id",
            "it", "ja", "kk", "ko", "lt", "ms", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "tr", "uk",
            "vi", "war");

    @Test
    void knowsEnglishAndNativeNamesAsTheTalksTableGaveThem() {
        assertThat(LanguageNames.of("sv")).isEqualTo(new LanguageNames.Names("Swedish", "Svenska"));
        assertThat(LanguageNames.of("war")).isEqualTo(new LanguageNames.Names("Waray-Waray", "Winaray"));
        assertThat(LanguageNames.of("no")).isEqualTo(new LanguageNames.Names("Norwegian (Bokmål)", "Norsk (Bokmål)"));
        assertThat(LanguageNames.of("ms")).isEqualTo(new LanguageNames.Names("Malay", "Bahasa Melayu"));
        assertThat(LanguageNames.of("kk")).isEqualTo(new LanguageNames.Names("Kazakh", "Қазақша"));
        assertThat(LanguageNames.of("sr")).isEqualTo(new LanguageNames.Names("Serbian", "Српски / Srpski"));
        assertThat(LanguageNames.english("ja")).isEqualTo("Japanese");
        assertThat(LanguageNames.nativeName("ja")).isEqualTo("日本語");
    }

    @Test
    void serbiansNativeNameFollowsTheScriptOfTheText() {
        LabelInfo serbian = LabelInfo.of("sr");
        assertThat(serbian.nativeNameFor("Добар дан, како сте?")).isEqualTo("Српски");
        assertThat(serbian.nativeNameFor("Dobar dan, kako ste?")).isEqualTo("Srpski");
        // a Latin brand name in a Cyrillic sentence: most letters decide
        assertThat(serbian.nativeNameFor("Купио сам нови Samsung телефон")).isEqualTo("Српски");
        // nothing to decide by: both forms
        assertThat(serbian.nativeNameFor("12345 !?")).isEqualTo("Српски / Srpski");
        assertThat(serbian.nativeNameFor("abc где")).isEqualTo("Српски / Srpski");
        // every other language has one native name, whatever the text
        assertThat(LabelInfo.of("ru").nativeNameFor("Latin letters")).isEqualTo("Русский");
    }

    @Test
    void theDefaultModelsPredictionsCarryTodaysNamesNotTheFilesOnes() {
        LanguageModel model = LanguageModel.loadDefault();
        // models trained before 2026-12-07 say plain "Norsk" in the file; predictions carry today's names either way
        assertThat(model.metadata().labels()).extracting(LabelInfo::code).contains("no");

        Prediction norwegian = model.predict("Jeg heter Kari og bor i en liten by ved fjorden i Norge.", 3);
        assertThat(norwegian.language()).isEqualTo("no");
        assertThat(norwegian.name() + " — " + norwegian.nativeName()).isEqualTo("Norwegian (Bokmål) — Norsk (Bokmål)");

        Prediction cyrillic = model.predict("Ја сам студент и живим у Београду са својом породицом.", 3);
        assertThat(cyrillic.language()).isEqualTo("sr");
        assertThat(cyrillic.nativeName()).isEqualTo("Српски");
        Prediction latin = model.predict("Ja sam student i živim u Beogradu sa svojom porodicom.", 5);
        assertThat(latin.top())
                .filteredOn(c -> c.language().equals("sr"))
                .singleElement()
                .satisfies(c -> assertThat(c.nativeName()).isEqualTo("Srpski"));
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
