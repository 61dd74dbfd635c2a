package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.registry.Reverification;
import io.glossa.registry.ReverifyReport;
import io.glossa.registry.ReverifyRun;
import io.glossa.registry.Selection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code glossa reverify}: scores stored texts again with a registered model version through the batch queue (the
 * running workers do it, realtime first), shows progress, and writes a report (JSON and text) that the UI also shows.
 */
@Command(
        name = "reverify",
        mixinStandardHelpOptions = true,
        description = {
            "Score stored texts again with a registered model version, through the batch queue, and report:",
            "agreement with the stored predictions, accuracy on feedback labels, texts that changed language.",
            "Needs running workers: a glossa serve on the same --data-dir, or the deployment's --db-url and --amqp-uri."
        })
final class ReverifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BrokerOptions brokerOptions;

    @Option(names = "--model", paramLabel = "VERSION", description = "A registered version (default: the active one).")
    String model;

    @ArgGroup(exclusive = true)
    Which which;

    static final class Which {
        @Option(names = "--sample", paramLabel = "N", description = "A random sample of N stored texts.")
        Integer sample;

        @Option(names = "--all", description = "Every stored text with a result (the default).")
        boolean all;

        @Option(
                names = "--since",
                paramLabel = "TIME",
                description = "Texts submitted at or after TIME (ISO-8601, e.g. 2026-11-26T00:00:00Z).")
        String since;
    }

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where to write reverify-<run>.json and .txt (default: the current directory).")
    Path out;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "Give up waiting when no text was scored for this long (default: ${DEFAULT-VALUE}); "
                    + "the report then covers what was scored.")
    String timeout;

    @Override
    public Integer call() throws Exception {
        Selection selection = selection();
        Duration stall = duration(timeout, "--timeout");
        PrintWriter err = spec.commandLine().getErr();
        try (RegistryAccess access = RegistryAccess.open(storeOptions);
                BrokerSession broker = openBroker()) {
            Reverification reverification = new Reverification(
                    access.database().reverify(Clock.systemUTC()),
                    access.registry(),
                    broker.broker().jobPublisher(),
                    Clock.systemUTC());
            String version = reverification.resolveVersion(model);
            ReverifyRun run = reverification.start(version, selection);
            err.printf(Locale.ROOT, "re-verify %s: %,d texts queued for model %s%n", run.id(), run.total(), version);
            boolean complete = await(reverification, run, stall, err);
            ReverifyReport report = reverification.finish(run.id());
            write(report);
            spec.commandLine().getOut().print(report.summary());
            spec.commandLine().getOut().flush();
            if (!complete) {
                throw new UserError("re-verify " + run.id() + ": only " + report.scored() + " of " + report.total()
                        + " texts were scored before --timeout " + timeout + "; are workers running? (report written)");
            }
        }
        return ExitCodes.OK;
    }

    private BrokerSession openBroker() {
        try {
            return brokerOptions.openAsClient("reverify");
        } catch (BrokerUnavailableException e) {
            throw new UserError(
                    "reverify needs the workers' broker, and " + brokerOptions.clientTarget()
                            + " does not answer (" + e.getMessage()
                            + "): start 'glossa serve' on this --data-dir, or give "
                            + "--amqp-uri",
                    e);
        }
    }

    /** Shows progress (see {@link ProgressMeter}); false if scoring stalled for longer than {@code stall}. */
    private static boolean await(Reverification reverification, ReverifyRun run, Duration stall, PrintWriter err)
            throws InterruptedException {
        ProgressMeter meter = ProgressMeter.forStderr(err, "re-verify " + run.id(), "texts", Duration.ofSeconds(2));
        long lastScored = -1;
        long lastChange = System.nanoTime();
        while (true) {
            ReverifyRun now = reverification.progress(run.id());
            if (now.scored() >= now.total()) {
                meter.finish(String.format(
                        Locale.ROOT, "re-verify %s: %,d of %,d scored", run.id(), now.scored(), now.total()));
                return true;
            }
            if (now.scored() != lastScored) {
                lastScored = now.scored();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                meter.finish(String.format(
                        Locale.ROOT,
                        "re-verify %s: %,d of %,d scored, then no progress",
                        run.id(),
                        now.scored(),
                        now.total()));
                return false;
            }
            meter.update(now.scored(), now.total(), "");
            Thread.sleep(250);
        }
    }

    private void write(ReverifyReport report) throws IOException {
        Files.createDirectories(out);
        Files.writeString(
                out.resolve("reverify-" + report.run() + ".json"), report.toJson() + "\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("reverify-" + report.run() + ".txt"), report.summary(), StandardCharsets.UTF_8);
    }

    private Selection selection() {
        if (which == null || which.all) {
            return Selection.all();
        }
        if (which.sample != null) {
            if (which.sample < 1 || which.sample > 1_000_000) {
                throw new ParameterException(
                        spec.commandLine(), "--sample must be between 1 and 1000000, got " + which.sample);
            }
            return new Selection(which.sample, null);
        }
        try {
            return new Selection(0, Instant.parse(which.since));
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--since: '" + which.since + "' is not an ISO-8601 time like 2026-11-26T00:00:00Z");
        }
    }

    private Duration duration(String text, String option) {
        try {
            return DurationText.parse(text, option);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
