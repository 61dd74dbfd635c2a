package io.glossa.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketRowsTest {
    private static final float[] IDF = {1.5f, 0f, 7.25f};
    private static final float[] SCALE = {0.01f, 0f, 2.5f};
    private static final byte[] PAYLOAD = {1, -2, 3, 0, 0, 0, 127, -128, 5};

    @Test
    void packsEachBucketIntoOneRowAndUnpacksTheSameArrays() {
        BucketRows rows = BucketRows.pack(IDF, SCALE, PAYLOAD, 3);

        assertThat(rows.buckets()).isEqualTo(3);
        assertThat(rows.stride()).isEqualTo(64);
        assertThat(rows.idf(2)).isEqualTo(7.25f);
        assertThat(rows.scale(0)).isEqualTo(0.01f);
        assertThat(rows.bytes()[2 * 64 + BucketRows.PAYLOAD_OFFSET + 1])
                .as("-128 stored as 0")
                .isZero();
        assertThat(rows.bytes()[2 * 64 + BucketRows.PAYLOAD_OFFSET])
                .as("127 stored as 255")
                .isEqualTo((byte) 255);
        assertThat(rows.idfs()).containsExactly(IDF);
        assertThat(rows.scales()).containsExactly(SCALE);
        assertThat(rows.payloads()).containsExactly(PAYLOAD);
    }

    @Test
    void aPayloadLongerThanOneLineTakesWholeLines() {
        BucketRows rows = BucketRows.pack(new float[2], new float[2], new byte[2 * 60], 60);

        assertThat(rows.stride()).isEqualTo(128);
        assertThat(rows.bytes()).hasSize(256);
    }

    @Test
    void refusesArraysOfDifferentBucketCounts() {
        assertThatThrownBy(() -> BucketRows.pack(IDF, new float[2], PAYLOAD, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent");
        assertThatThrownBy(() -> BucketRows.pack(IDF, SCALE, PAYLOAD, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent");
    }
}
