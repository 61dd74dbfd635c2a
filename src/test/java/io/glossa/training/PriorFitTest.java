package io.glossa.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriorFitTest {
    @Test
    void aTieThatAlwaysGoesTheWrongWayIsMovedByTheBias() {
        // label 1 is right on every text, but label 0 scores 0.3 higher: an offset of at least 0.3 fixes all
        float[][] scores = new float[10][];
        int[] targets = new int[10];
        for (int i = 0; i < 10; i++) {
            scores[i] = i < 5 ? new float[] {2.0f, 1.7f} : new float[] {3.0f, 0.0f};
            targets[i] = i < 5 ? 1 : 0;
        }
        float[] offsets = PriorFit.fit(new DevSet[] {new DevSet(scores, targets)}, 2);
        assertThat(offsets[1] - offsets[0]).isGreaterThan(0.3f).isLessThan(3.0f);
    }

    @Test
    void nothingToGainMeansNoOffset() {
        float[][] scores = {{1f, 0f}, {0f, 1f}};
        assertThat(PriorFit.fit(new DevSet[] {new DevSet(scores, new int[] {0, 1})}, 2))
                .containsExactly(0f, 0f);
    }
}
