package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {
    @Test
    void backoffDoublesPerAttemptUpToItsMaximum() {
        ConsumerSettings s =
                ConsumerSettings.defaults().withRetryBackoff(Duration.ofMillis(100), Duration.ofMillis(700));
        assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(s.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofMillis(700));
        assertThat(s.backoff(60)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ConsumerSettings.defaults().withPrefetch(0)).hasMessageContaining("prefetch");
        assertThatThrownBy(() -> ConsumerSettings.defaults().withMaxAttempts(0)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> ConsumerSettings.defaults().withWorkers(0)).hasMessageContaining("worker");
    }
}
