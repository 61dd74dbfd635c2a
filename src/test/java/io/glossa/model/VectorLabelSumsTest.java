package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel. Surefire starts the test JVM with {@code --add-modules jdk.incubator.vector} (pom.xml), so
 * the module must be there; a CPU without 256-bit vectors skips the kernel's tests.
 */
class VectorLabelSumsTest extends LabelSumsContract {
    @BeforeAll
    static void theModuleIsThere() {
        assertThat(ModuleLayer.boot().findModule(VectorKernels.MODULE)).isPresent();
        assumeThat(VectorKernels.load(new byte[STRIDE], STRIDE, SLOTS))
                .as("this CPU's vectors are narrower than 256 bits")
                .isNotNull();
    }

    @Override
    LabelSums kernel(byte[] table, int stride, int slots) {
        return VectorKernels.load(table, stride, slots);
    }

    @Test
    void isTheKernelChosenWhenTheModuleIsThere() {
        assertThat(LabelSums.best(new byte[STRIDE], STRIDE, SLOTS).description())
                .startsWith("vector");
    }

    /** 40 slots of weights after the header leave no room for even an 8-lane block read at the last word. */
    @Test
    void refusesRowsTooShortForItsWideLoads() {
        assertThat(VectorKernels.load(new byte[STRIDE], 47, SLOTS)).isNull();
    }

    /** The default model gives the same probabilities with either kernel: the check sentences and their first word. */
    @Test
    void theDefaultModelAnswersAlikeWithEitherKernel() throws IOException {
        LanguageModel vector = LanguageModel.loadDefault();
        LanguageModel scalar = withoutVectors(LanguageModel::loadDefault);
        assertThat(vector.scoringKernel()).startsWith("vector");
        assertThat(scalar.scoringKernel()).startsWith("scalar");
        float[] a = new float[vector.labelCount()];
        float[] b = new float[scalar.labelCount()];
        List<String> texts = checkSentences();
        assertThat(texts).hasSizeGreaterThan(200);
        for (String text : texts) {
            for (String t : List.of(text, text.split(" ")[0])) {
                assertThat(vector.classify(t, a, vector.newScratch()))
                        .isEqualTo(scalar.classify(t, b, scalar.newScratch()));
                assertThat(a).as(t).containsExactly(b);
            }
        }
    }

    private static List<String> checkSentences() throws IOException {
        try (InputStream in =
                VectorLabelSumsTest.class.getResourceAsStream("/io/glossa/registry/check-sentences.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.indexOf('\t') > 0)
                    .map(line -> line.substring(line.indexOf('\t') + 1))
                    .toList();
        }
    }
}
