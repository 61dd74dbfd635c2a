package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalarLabelSumsTest extends LabelSumsContract {
    @Override
    LabelSums kernel(byte[] table, int stride, int slots) {
        return new ScalarLabelSums(table);
    }

    @Test
    void theVectorKernelCanBeTurnedOff() {
        assertThat(withoutVectors(() -> LabelSums.best(new byte[STRIDE], STRIDE, SLOTS)))
                .isInstanceOf(ScalarLabelSums.class);
    }
}
