package io.glossa.cli;

import io.glossa.client.batch.BatchTally;
import io.glossa.client.batch.LineChunks;
import io.glossa.client.batch.LocalBatch;
import io.glossa.client.batch.QueueBatch;
import io.glossa.client.batch.Utf8LineReader;
import io.glossa.client.load.AdaptivePace;
import io.glossa.client.load.LanePacing;
import io.glossa.client.load.Pacer;
import io.glossa.client.load.TextsClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa batch}: one JSON line per input line, in order, in this process or through the batch queue. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Predicts the language of every line of --in and writes one JSON line per input line, in "
                    + "input order, to --out, shaped like predict's output: {\"language\",\"name\",\"native\","
                    + "\"probability\",\"top\":[...]}.",
            "A line that cannot be answered (empty, not valid UTF-8, longer than 1 MiB, refused by the API) gets "
                    + "{\"line\":N,\"error\":\"...\"} in its place, and the exit status is 1.",
            "By default it runs here on --threads threads in constant memory; with --via-queue the lines go "
                    + "through a running glossa's API and batch queue (--api), --window texts at a time.",
            "Progress goes to stderr unless --quiet: a bar with rate and time left on a terminal, else a line every 5 s."
        })
final class BatchCommand implements Callable<Integer> {
    private static final int CHUNK_CHARS = 1 << 20;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Input, one text per line (- = stdin).")
    String in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output, JSON lines (- = stdout).")
    String out;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    ModelOption model;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Prediction threads in this process (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--top",
            defaultValue = "3",
            paramLabel = "K",
            description = "Candidates under \"top\" in this process (default: ${DEFAULT-VALUE}; via the queue the "
                    + "API's --top-k decides).")
    int top;

    @Option(
            names = "--via-queue",
            description = "Submit through a running API's batch queue instead of predicting here.")
    boolean viaQueue;

    @Option(
            names = "--api",
            defaultValue = "${env:GLOSSA_URL:-http://localhost:8080}",
            paramLabel = "URL",
            description = "With --via-queue: the API's base URL (env GLOSSA_URL; default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(
            names = "--window",
            defaultValue = "2000",
            paramLabel = "N",
            description =
                    "With --via-queue: most texts in flight, submitted but not written (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--pace",
            defaultValue = "adaptive",
            paramLabel = "adaptive|fixed",
            description = "With --via-queue: adaptive (default) follows the realtime lane, asking the API five times "
                    + "a second (GET /api/v1/lanes): slowest at once when realtime traffic begins, slower when realtime "
                    + "p99 nears --realtime-p99 or realtime jobs queue up, faster while they do not; fixed sends at "
                    + "--rate.")
    Pace pace;

    @Option(
            names = "--rate",
            defaultValue = "0",
            paramLabel = "R",
            description = "With --via-queue: most texts submitted per second (default: ${DEFAULT-VALUE} = no cap but "
                    + "--window); with --pace fixed, the rate itself, paced evenly.")
    double rate;

    @Option(
            names = "--realtime-p99",
            paramLabel = "D",
            description = "With --pace adaptive: the realtime p99 (submission to stored result) the batch must not "
                    + "push above (default: 1.8x the p99 measured before the batch starts, else 50ms).")
    String realtimeP99;

    @Option(
            names = "--chunk",
            defaultValue = "500",
            paramLabel = "N",
            description = "Lines per chunk: per task here, per POST /api/v1/texts:batch via the queue; at most the "
                    + "API's --max-batch (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(
            names = "--result-timeout",
            defaultValue = "5m",
            paramLabel = "D",
            description = "With --via-queue: give up when no result arrives for this long (default: ${DEFAULT-VALUE}).")
    String resultTimeout;

    @Mixin
    ApiKeyOption apiKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        BatchProgress progress =
                new BatchProgress(spec.commandLine().getErr(), quiet, quiet ? -1 : BatchFiles.countLines(in));
        BatchTally tally;
        try (InputStream input = BatchFiles.openIn(in);
                OutputStream output = BatchFiles.openOut(out)) {
            LineChunks chunks = new LineChunks(
                    new Utf8LineReader(input, PredictStream.MAX_LINE_BYTES),
                    viaQueue ? queueChunk() : chunk,
                    CHUNK_CHARS);
            tally = viaQueue ? viaQueue(chunks, output, progress) : inProcess(chunks, output, progress);
        } catch (ClosedOutputGuard.OutputClosedException e) {
            return ClosedOutputGuard.EXIT_PIPE_CLOSED;
        }
        progress.finished(tally);
        if (tally.badLines() > 0) {
            spec.commandLine()
                    .getErr()
                    .println(spec.qualifiedName() + ": " + tally.badLines() + " of " + tally.lines()
                            + " input lines got an error object in their place (first: line " + tally.firstBadLine()
                            + ", "
                            + tally.firstError() + ")");
            spec.commandLine().getErr().flush();
            return ExitCodes.USER_ERROR;
        }
        return ExitCodes.OK;
    }

    /** How a batch via the queue is paced. */
    enum Pace {
        adaptive,
        fixed
    }

    /** The adaptive pace starts at the fixed rate measured to keep realtime p99 under 2x (docs/pipeline.md, "The pace"). */
    static final double ADAPTIVE_START_RATE = 200;
    /** However busy realtime is, a batch keeps moving. */
    static final double ADAPTIVE_MIN_RATE = 20;
    /** Small enough that the adaptive pace's slowest rate is not a burst, large enough for 10,000 texts/s. */
    static final int ADAPTIVE_CHUNK = 50;

    /**
     * Lines per POST via the queue. With a fixed rate, about ten chunks a second: a 500-text chunk every 5 s at 100/s
     * arrives as a burst at every stage and held realtime p99 at 6.6x its idle value.
     */
    int queueChunk() {
        int perTenthOfASecond = pace == Pace.adaptive
                ? ADAPTIVE_CHUNK
                : rate > 0 ? (int) Math.max(1, Math.ceil(rate / 10)) : Integer.MAX_VALUE;
        return Math.min(Math.min(chunk, window), perTenthOfASecond);
    }

    private BatchTally inProcess(LineChunks chunks, OutputStream output, BatchProgress progress)
            throws IOException, InterruptedException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new LocalBatch(model.load(), top, n).run(chunks, output, progress);
    }

    private BatchTally viaQueue(LineChunks chunks, OutputStream output, BatchProgress progress)
            throws IOException, InterruptedException {
        TextsClient client = new TextsClient(api, apiKey.key());
        try (LanePacing pacing =
                pace == Pace.adaptive ? LanePacing.start(client, adaptivePace(), ADAPTIVE_START_RATE) : null) {
            Pacer pacer = pacing != null ? pacing.pacer() : Pacer.fixed(rate);
            QueueBatch batch = new QueueBatch(
                    client,
                    window,
                    pacer,
                    DurationText.parse(resultTimeout, "--result-timeout"),
                    pacing != null ? pacing::describe : () -> "");
            return batch.run(chunks, output, progress);
        } catch (TextsClient.ApiRefusal | java.net.ConnectException e) {
            throw new UserError(
                    "cannot use the API at " + api + ": " + e.getMessage()
                            + " (is glossa serve or glossa api running there? see --api)",
                    e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the event stream")) {
                throw new UserError(
                        "cannot reach the API at " + api + ": " + e.getMessage()
                                + " (is glossa serve or glossa api running there? see --api)",
                        e);
            }
            throw e;
        }
    }

    private AdaptivePace adaptivePace() {
        double target = realtimeP99 == null
                ? Double.NaN
                : DurationText.parse(realtimeP99, "--realtime-p99").toNanos() / 1e6;
        return new AdaptivePace(
                rate > 0 ? Math.min(rate, ADAPTIVE_START_RATE) : ADAPTIVE_START_RATE,
                rate > 0 ? Math.min(rate, ADAPTIVE_MIN_RATE) : ADAPTIVE_MIN_RATE,
                rate,
                target);
    }

    private void validate() {
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        if (rate < 0 || Double.isNaN(rate)) {
            throw new ParameterException(spec.commandLine(), "--rate must be 0 (no limit) or more, got " + rate);
        }
        if (window < 1 || chunk < 1) {
            throw new ParameterException(spec.commandLine(), "--window and --chunk must be at least 1");
        }
        try {
            DurationText.parse(resultTimeout, "--result-timeout");
            if (realtimeP99 != null
                    && DurationText.parse(realtimeP99, "--realtime-p99").isZero()) {
                throw new IllegalArgumentException("--realtime-p99 must be more than 0, e.g. 40ms");
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (viaQueue && (api.getScheme() == null || !api.getScheme().startsWith("http") || api.getHost() == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--api must be an http(s) URL like http://localhost:8080, got " + api);
        }
        if (viaQueue && model.path() != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--model does not apply with --via-queue: the API's workers " + "use their active model");
        }
    }
}
