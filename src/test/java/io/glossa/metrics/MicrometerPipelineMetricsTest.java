package io.glossa.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics.StageTimes;
import io.glossa.pipeline.TextStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Prometheus names, tags and buckets that METRICS.md and alerts.yml rely on. */
class MicrometerPipelineMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);

    private double value(String series) {
        return registry.scrape()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + registry.scrape()));
    }

    @Test
    void everyStageIsATimerPerLaneWithBothLanesPresentFromTheStart() {
        String scrape = registry.scrape();
        for (String stage : new String[] {
            "glossa_job_publish_seconds",
            "glossa_job_queue_wait_seconds",
            "glossa_job_store_seconds",
            "glossa_end_to_end_seconds"
        }) {
            assertThat(scrape).contains(stage + "_count{lane=\"realtime\"}", stage + "_count{lane=\"batch\"}");
            assertThat(scrape).contains(stage + "_bucket{lane=\"realtime\",le=\"0.001\"}");
        }
        assertThat(scrape)
                .contains(
                        "glossa_texts_accepted_total{lane=\"realtime\"} 0.0",
                        "glossa_jobs_redelivered_total{lane=\"batch\"} 0.0",
                        "glossa_predict_seconds_count 0",
                        "glossa_outbox_batch_publish_seconds_count 0");
    }

    @Test
    void endToEndAndSubmitToResultHaveABucketExactlyAtTheLatencyTarget() {
        metrics.completed(
                Lane.REALTIME,
                TextStatus.DONE,
                new StageTimes(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(29)));
        metrics.completed(
                Lane.REALTIME,
                TextStatus.DONE,
                new StageTimes(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(31)));
        metrics.resultObserved(TextStatus.DONE, Duration.ofMillis(30));
        assertThat(value("glossa_end_to_end_seconds_bucket{lane=\"realtime\",le=\"0.03\"}"))
                .isEqualTo(1);
        assertThat(value("glossa_end_to_end_seconds_count{lane=\"realtime\"}")).isEqualTo(2);
        assertThat(value("glossa_submit_to_result_seconds_bucket{le=\"0.03\"}")).isEqualTo(1);
    }

    @Test
    void theResultEventLagIsItsOwnHistogram() {
        metrics.resultEventLag(Duration.ofMillis(4));
        metrics.resultEventLag(null); // an event without a stored result
        assertThat(value("glossa_result_event_lag_seconds_count")).isEqualTo(1);
        assertThat(value("glossa_result_event_lag_seconds_sum")).isEqualTo(0.004);
    }

    @Test
    void countsAndTimesGoToTheLaneTheyHappenedOn() {
        metrics.accepted(Lane.BATCH, 5);
        metrics.confirmed(Lane.BATCH, Duration.ofMillis(4));
        metrics.delivered(Lane.BATCH, Duration.ofMillis(7), true);
        metrics.delivered(Lane.BATCH, Duration.ofMillis(3), false);
        metrics.completed(
                Lane.BATCH,
                TextStatus.FAILED,
                new StageTimes(Duration.ZERO, Duration.ofMillis(6), Duration.ofMillis(20)));
        assertThat(value("glossa_texts_accepted_total{lane=\"batch\"}")).isEqualTo(5);
        assertThat(value("glossa_texts_accepted_total{lane=\"realtime\"}")).isZero();
        assertThat(value("glossa_job_publish_seconds_sum{lane=\"batch\"}")).isEqualTo(0.004);
        assertThat(value("glossa_job_queue_wait_seconds_count{lane=\"batch\"}")).isEqualTo(2);
        assertThat(value("glossa_jobs_redelivered_total{lane=\"batch\"}")).isEqualTo(1);
        assertThat(value("glossa_job_store_seconds_sum{lane=\"batch\"}")).isEqualTo(0.006);
        assertThat(value("glossa_results_total{status=\"failed\"}")).isEqualTo(1);
        assertThat(value("glossa_predict_seconds_count"))
                .as("a failed job was not predicted")
                .isZero();
    }

    @Test
    void unknownOrNegativeCrossProcessDurationsAreNotRecorded() {
        metrics.delivered(Lane.REALTIME, null, false); // no published-at header
        metrics.delivered(Lane.REALTIME, Duration.ofMillis(-3), false); // the clocks disagree
        metrics.confirmed(Lane.REALTIME, Duration.ofMillis(-1));
        assertThat(value("glossa_job_queue_wait_seconds_count{lane=\"realtime\"}"))
                .isZero();
        assertThat(value("glossa_job_publish_seconds_count{lane=\"realtime\"}")).isZero();
    }
}
