package io.glossa.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.SubmissionLimits;
import io.glossa.web.AccessSettings;
import io.glossa.web.ApiSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    @Test
    void hostNamesAreTheGivenOnesElseLoopbackOnLoopbackElseAny() {
        assertThat(HttpSettings.allowedHosts("127.0.0.1", List.of("glossa.example.com", " ")))
                .containsExactly("glossa.example.com");
        assertThat(HttpSettings.allowedHosts("127.0.0.1", List.of())).isEqualTo(AccessSettings.LOOPBACK_HOSTS);
        assertThat(HttpSettings.allowedHosts("0.0.0.0", null)).containsExactly("*");
    }

    @Test
    void aPortOutOfRangeIsRefusedWithTheFlagsName() {
        assertThatThrownBy(() -> new HttpSettings(
                        "127.0.0.1", 65536, List.of("*"), ApiSettings.DEFAULT, SubmissionLimits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
    }

    @Test
    void loopbackAnswersOnlyTheLoopbackNames() {
        HttpSettings settings = HttpSettings.loopback(0);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.allowedHosts()).isEqualTo(AccessSettings.LOOPBACK_HOSTS);
        assertThat(settings.withLimits(new SubmissionLimits(10, 5)).limits().maxBatchSize())
                .isEqualTo(5);
    }
}
