package io.glossa.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
    @Test
    void namesOfAHistogramQuantileWithGroupingAndVariables() {
        assertThat(PromQlNames.of("histogram_quantile(0.99, sum by (le, uri) "
                        + "(rate(glossa_job_store_seconds_bucket{lane=\"$lane\"}[$__rate_interval])))"))
                .containsExactly("glossa_job_store_seconds_bucket");
    }

    @Test
    void bothSidesOfABinaryOperationAndNoKeywords() {
        assertThat(PromQlNames.of("sum(rate(a_sum[5m])) / on (role) group_left sum(rate(b_count[5m])) > bool 0"
                        + " and c_total offset 5m unless count by (version) (glossa_model_info == 1)"))
                .containsExactly("a_sum", "b_count", "c_total", "glossa_model_info");
    }

    @Test
    void labelValuesThatLookLikeNamesAreNotNames() {
        assertThat(PromQlNames.of("max by (queue) (glossa_queue_messages{queue=~\".+\\\\.failed\", x='y z'})"))
                .containsExactly("glossa_queue_messages");
    }

    @Test
    void numbersAndDurationsAreNotNames() {
        assertThat(PromQlNames.of("up_metric > 1e3 and x_total[1h:5m] < 0.5")).containsExactly("up_metric", "x_total");
    }
}
