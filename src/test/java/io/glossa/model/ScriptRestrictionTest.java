package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.text.Scripts;
import io.glossa.text.TextNormalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default model scores only the labels written in the scripts of a text (docs/model.md). */
class ScriptRestrictionTest {
    private static LanguageModel model;

    @BeforeAll
    static void load() {
        model = LanguageModel.loadDefault();
    }

    @Test
    void lettersAreSortedIntoScripts() {
        assertThat(TextNormalizer.normalize("Dobar dan").scripts()).isEqualTo(Scripts.LATIN);
        assertThat(TextNormalizer.normalize("Добар дан, Tom").scripts()).isEqualTo(Scripts.LATIN | Scripts.CYRILLIC);
        assertThat(TextNormalizer.normalize("こんにちは世界").scripts()).isEqualTo(Scripts.KANA | Scripts.HAN);
        assertThat(TextNormalizer.normalize("안녕하세요").scripts()).isEqualTo(Scripts.HANGUL);
        assertThat(TextNormalizer.normalize("Γειά σου").scripts()).isEqualTo(Scripts.OTHER);
        assertThat(TextNormalizer.normalize("123 !?").scripts()).isZero();
        assertThat(Scripts.of('ệ')).isEqualTo(Scripts.LATIN);
        assertThat(Scripts.of('ش')).isEqualTo(Scripts.ARABIC);
    }

    @Test
    void onlyLabelsOfTheTextsScriptsGetProbability() {
        assertOnly("Добрый день, как дела?", List.of("bg", "kk", "ru", "sr", "uk"));
        assertOnly("Dobar dan, kako ste?", null);
        assertOnly("سلام دوست من", List.of("ar", "fa"));
    }

    @Test
    void aScriptOfOneLanguageIsThatLanguageWithoutScoring() {
        float[] p = new float[model.labelCount()];
        LanguageModel.Scratch scratch = model.newScratch();
        int best = model.classify("שלום", p, scratch);
        assertThat(model.labels().get(best)).isEqualTo("he");
        assertThat(p[best]).isEqualTo(1f);
        assertThat(scratch.letters()).isEqualTo(4);
        assertThat(model.predict("नमस्ते दोस्त", 3).language()).isEqualTo("hi");
        assertThat(model.predict("안녕하세요", 3).language()).isEqualTo("ko");
    }

    @Test
    void aScriptNoLabelUsesLeavesEveryLabelInPlay() {
        float[] p = new float[model.labelCount()];
        model.classify("Καλημέρα κόσμε", p, model.newScratch());
        int positive = 0;
        for (float v : p) {
            positive += v > 0 ? 1 : 0;
        }
        assertThat(positive).isEqualTo(model.labelCount());
    }

    /** {@code only}: the labels that may have probability; null = exactly the Latin-script ones. */
    private static void assertOnly(String text, List<String> only) {
        float[] p = new float[model.labelCount()];
        model.classify(text, p, model.newScratch());
        float sum = 0;
        for (int k = 0; k < model.labelCount(); k++) {
            String code = model.labels().get(k);
            boolean allowed = only == null ? (Scripts.ofLanguage(code) & Scripts.LATIN) != 0 : only.contains(code);
            if (!allowed) {
                assertThat(p[k]).as(code + " for " + text).isZero();
            }
            sum += p[k];
        }
        assertThat(sum).isBetween(0.999f, 1.001f);
    }
}
