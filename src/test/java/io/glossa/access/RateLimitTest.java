package io.glossa.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void parsesPerSecondMinuteAndHourWithDefaultBurstOfTwoSeconds() {
        assertThat(RateLimit.parse("50/s", null)).isEqualTo(new RateLimit(50, 100));
        assertThat(RateLimit.parse("600/m", null)).isEqualTo(new RateLimit(10, 20));
        assertThat(RateLimit.parse(" 36 / h ", null)).isEqualTo(new RateLimit(0.01, 1));
        assertThat(RateLimit.parse("2.5/s", 7)).isEqualTo(new RateLimit(2.5, 7));
    }

    @Test
    void refusesMalformedAndOutOfRangeValuesWithTheExpectedForm() {
        assertThatThrownBy(() -> RateLimit.parse("50", null)).hasMessageContaining("50/s, 600/m or 3600/h");
        assertThatThrownBy(() -> RateLimit.parse("fast", null)).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> RateLimit.parse("0/s", null)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> RateLimit.parse("5/s", 0)).hasMessageContaining("burst must be at least 1");
        assertThatThrownBy(() -> RateLimit.parse("5000000/s", null)).hasMessageContaining("at most");
    }

    @Test
    void describesItselfInTheFormItIsWritten() {
        assertThat(new RateLimit(50, 100).describe()).isEqualTo("50/s, burst 100");
        assertThat(RateLimit.parse("30/m", null).describe()).isEqualTo("30/m, burst 1");
        assertThat(RateLimit.parse("2/h", 1).describe()).isEqualTo("2/h, burst 1");
    }
}
