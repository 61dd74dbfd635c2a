package io.glossa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.client.load.AcceptedIdsFile;
import io.glossa.client.load.LoadReport;
import io.glossa.client.load.LoadRun;
import io.glossa.client.load.LoadSettings;
import io.glossa.client.load.TextSource;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa load}: an open-loop load test of a running API, end to end (submit → result). */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Send texts to a running glossa API at a fixed rate and wait for every result.",
            "Latency is measured from each text's intended send time (no coordinated omission).",
            "Exit code 1 if any text was rejected or any accepted text got no result."
        })
final class LoadCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--url",
            defaultValue = "${env:GLOSSA_URL:-http://localhost:8080}",
            paramLabel = "URL",
            description = "The API's base URL (env GLOSSA_URL; default: ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--rate", required = true, paramLabel = "R", description = "Texts per second.")
    private double rate;

    @Option(
            names = "--duration",
            defaultValue = "10s",
            paramLabel = "D",
            description = "How long to send: 30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "Texts: a TSV corpus (label<TAB>text) or one text per line; used in a cycle.")
    private Path data;

    @Option(
            names = "--concurrency",
            defaultValue = "256",
            paramLabel = "C",
            description = "Most submissions in flight (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(
            names = "--drain-timeout",
            defaultValue = "30s",
            paramLabel = "D",
            description = "After sending, how long to wait without any new result before what is still pending "
                    + "counts as lost (default: ${DEFAULT-VALUE}).")
    private String drainTimeout;

    @Option(
            names = "--warm-up",
            defaultValue = "0s",
            paramLabel = "D",
            description = "Send at the same rate for D before --duration starts; those texts must all be answered too, "
                    + "but their latencies are left out (a fresh server spends its first minute compiling). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String warmUp;

    @Option(
            names = "--batch",
            defaultValue = "1",
            paramLabel = "N",
            description = "Texts per request: 1 posts each to /api/v1/texts; N > 1 posts N at a time to "
                    + "/api/v1/texts:batch (realtime lane), when the last of them is due; the earlier ones' wait counts "
                    + "in their latency. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Mixin
    ApiKeyOption apiKey;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    @Option(
            names = "--accepted-ids",
            paramLabel = "FILE",
            description = "Write the id of every accepted text to FILE, one per line (for checking results afterwards, "
                    + "e.g. scripts/chaos.sh).")
    private Path acceptedIds;

    private AcceptedIdsFile openIds() {
        try {
            return new AcceptedIdsFile(acceptedIds);
        } catch (NoSuchFileException e) {
            throw new UserError("--accepted-ids: cannot write " + acceptedIds + ": its folder does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError("--accepted-ids: cannot write " + acceptedIds + ": permission denied", e);
        } catch (java.io.IOException e) {
            throw new UserError("--accepted-ids: cannot write " + acceptedIds + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        LoadSettings settings;
        try {
            settings = new LoadSettings(
                    url,
                    rate,
                    DurationText.parse(duration, "--duration"),
                    concurrency,
                    DurationText.parse(drainTimeout, "--drain-timeout"),
                    DurationText.parse(warmUp, "--warm-up"),
                    batch,
                    apiKey.key());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TextSource texts;
        try {
            texts = TextSource.read(data);
        } catch (NoSuchFileException e) {
            throw new UserError("--data: no such file " + data);
        } catch (IllegalArgumentException e) {
            throw new UserError("--data: " + e.getMessage());
        }
        LoadReport report;
        LoadRun run;
        try (AcceptedIdsFile ids = acceptedIds == null ? null : openIds()) {
            run = ids == null ? new LoadRun(settings, texts) : new LoadRun(settings, texts, ids);
            try {
                report = run.run();
            } catch (java.io.IOException e) {
                throw new UserError(
                        "cannot reach " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        } catch (java.io.IOException e) {
            throw new UserError("--accepted-ids " + acceptedIds + ": " + e.getMessage(), e);
        }
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(report));
        } else {
            spec.commandLine().getOut().print(report.toText());
        }
        spec.commandLine().getOut().flush();
        if (report.rejected() > 0 && run.firstRejection() != null) {
            spec.commandLine().getErr().println("load: first rejection: " + run.firstRejection());
        }
        return report.lost() > 0 || report.rejected() > 0 ? 1 : 0;
    }
}
