package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.metrics.MetricsRegistry;
import io.glossa.model.Prediction;
import io.glossa.pipeline.InMemoryTextStore;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.SubmissionLimits;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.TextSubmission;
import io.glossa.pipeline.Tracing;
import io.glossa.web.AccessSettings;
import io.glossa.web.ApiServer;
import io.glossa.web.ApiSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load tool against the real HTTP adapter whose "workers" are a fake answering every n-th job not at all. */
class LoadRunTest {
    private final InMemoryTextStore store = new InMemoryTextStore();
    private final ResultFanout results = new ResultFanout();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private ApiServer server;

    private void startServer(int dropEvery) {
        AtomicInteger count = new AtomicInteger();
        TextSubmission submission = new TextSubmission(
                store,
                SubmissionLimits.DEFAULT,
                jobs -> {
                    for (Job job : jobs) {
                        if (dropEvery == 0 || count.incrementAndGet() % dropEvery != 0) {
                            workers.execute(() -> answer(job));
                        }
                    }
                },
                PipelineMetrics.NONE);
        server = new ApiServer(
                        submission,
                        store,
                        results,
                        List.of(),
                        MetricsRegistry.create("test"),
                        ApiSettings.DEFAULT,
                        workers,
                        AccessSettings.OPEN,
                        Tracing.NONE)
                .start("127.0.0.1", 0);
    }

    private void answer(Job job) {
        Result result =
                new Result(job.id(), new Prediction("sv", "Swedish", "Svenska", 0.9, List.of()), "t", Instant.now(), 0);
        store.complete(result);
        results.onResult(new ResultEvent(job.id(), TextStatus.DONE, result, null));
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void everyAcceptedTextIsAnsweredAndTimed(@TempDir Path dir) throws Exception {
        startServer(0);
        Path data =
                Files.writeString(dir.resolve("texts.tsv"), "sv\tHej, hur mår du?\nen\tHello there\n\nplain line\n");
        assertThat(TextSource.read(data).size()).isEqualTo(3);
        LoadReport report = new LoadRun(
                        new LoadSettings(
                                URI.create("http://127.0.0.1:" + server.port() + "/"),
                                200,
                                Duration.ofSeconds(1),
                                32,
                                Duration.ofSeconds(5)),
                        TextSource.read(data))
                .run();
        assertThat(report.sent()).isEqualTo(200);
        assertThat(report.accepted()).isEqualTo(200);
        assertThat(report.completed()).isEqualTo(200);
        assertThat(report.lost()).isZero();
        assertThat(report.endToEnd().count()).isEqualTo(200);
        assertThat(report.endToEnd().p50()).isPositive();
        assertThat(report.endToEnd().max())
                .isGreaterThanOrEqualTo(report.endToEnd().p99());
        assertThat(report.toText()).contains("lost             0");
    }

    @Test
    void warmUpTextsAreCheckedButNotTimed(@TempDir Path dir) throws Exception {
        startServer(0);
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\n");
        LoadReport report = new LoadRun(
                        new LoadSettings(
                                        URI.create("http://127.0.0.1:" + server.port()),
                                        100,
                                        Duration.ofSeconds(1),
                                        16,
                                        Duration.ofSeconds(5))
                                .withWarmUp(Duration.ofSeconds(1)),
                        TextSource.read(data))
                .run();

        assertThat(report.sent()).isEqualTo(200);
        assertThat(report.completed()).isEqualTo(200);
        assertThat(report.lost()).isZero();
        assertThat(report.endToEnd().count()).isEqualTo(100);
        assertThat(report.submit().count()).isEqualTo(100);
        assertThat(report.warmUpSeconds()).isEqualTo(1.0);
        assertThat(report.toText()).contains("after 1.0 s of warm-up");
    }

    @Test
    void unansweredTextsAreCountedLost(@TempDir Path dir) throws Exception {
        startServer(10);
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\n");
        LoadReport report = new LoadRun(
                        new LoadSettings(
                                URI.create("http://127.0.0.1:" + server.port()),
                                100,
                                Duration.ofSeconds(1),
                                16,
                                Duration.ofMillis(500)),
                        TextSource.read(data))
                .run();
        assertThat(report.accepted()).isEqualTo(100);
        assertThat(report.completed()).isEqualTo(90);
        assertThat(report.lost()).isEqualTo(10);
    }

    @Test
    void everyAcceptedIdIsWrittenToTheIdsFileOnce(@TempDir Path dir) throws Exception {
        startServer(0);
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\nHello\n");
        Path idsFile = dir.resolve("accepted.txt");
        LoadReport report;
        try (AcceptedIdsFile ids = new AcceptedIdsFile(idsFile)) {
            report = new LoadRun(
                            new LoadSettings(
                                    URI.create("http://127.0.0.1:" + server.port()),
                                    150,
                                    Duration.ofSeconds(1),
                                    16,
                                    Duration.ofSeconds(5)),
                            TextSource.read(data),
                            ids)
                    .run();
        }
        List<String> written = Files.readAllLines(idsFile);
        assertThat(written).hasSize((int) report.accepted()).doesNotHaveDuplicates();
        assertThat(report.accepted()).isEqualTo(150);
        // the ids are the server's: each names a stored text
        assertThat(written)
                .allSatisfy(id ->
                        assertThat(store.find(java.util.UUID.fromString(id))).isPresent());
    }

    @Test
    void textsSentInBatchesAreEachAnsweredTimedFromTheirOwnDueTimeAndRealtime(@TempDir Path dir) throws Exception {
        startServer(0);
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\nHello\nMoi\n");
        LoadReport report = new LoadRun(
                        new LoadSettings(
                                        URI.create("http://127.0.0.1:" + server.port()),
                                        100,
                                        Duration.ofSeconds(1),
                                        8,
                                        Duration.ofSeconds(5))
                                .withBatch(7),
                        TextSource.read(data))
                .run();

        assertThat(report.sent()).isEqualTo(100);
        assertThat(report.accepted()).isEqualTo(100);
        assertThat(report.completed()).isEqualTo(100);
        assertThat(report.lost()).isZero();
        assertThat(report.textsPerRequest()).isEqualTo(7);
        assertThat(report.endToEnd().count()).isEqualTo(100);
        // the first text of 7 waits 6 intervals (60 ms at 100/s) for the request that carries it
        assertThat(report.endToEnd().max()).isGreaterThanOrEqualTo(60);
        assertThat(store.ids())
                .hasSize(100)
                .allSatisfy(id -> assertThat(store.find(id).orElseThrow().lane())
                        .as("texts:batch would default to the batch lane")
                        .isEqualTo(Lane.REALTIME));
    }
}
