package io.glossa.cli;

import io.glossa.app.HttpSettings;
import io.glossa.pipeline.SubmissionLimits;
import io.glossa.web.ApiSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The HTTP API's options, shared by {@code serve} and {@code api}. */
final class HttpOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "${env:GLOSSA_PORT:-8080}",
            paramLabel = "PORT",
            description =
                    "HTTP port of the API and UI (env GLOSSA_PORT; default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:GLOSSA_HOST:-127.0.0.1}",
            paramLabel = "ADDRESS",
            description = "Address to listen on (env GLOSSA_HOST; default: ${DEFAULT-VALUE}, this machine only; "
                    + "0.0.0.0 for every interface).")
    String host;

    @Option(
            names = "--allowed-hosts",
            split = ",",
            paramLabel = "NAME",
            defaultValue = "${env:GLOSSA_ALLOWED_HOSTS}",
            description = "Host names requests may be addressed to (the Host header, without port), against DNS "
                    + "rebinding; repeatable or comma-separated, * for any (env GLOSSA_ALLOWED_HOSTS). Default: "
                    + "localhost, 127.0.0.1 and [::1] when listening on a loopback address, else any.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--max-event-streams",
            defaultValue = "${env:GLOSSA_MAX_EVENT_STREAMS:-256}",
            paramLabel = "N",
            description = "Event streams (/api/v1/events) open at once; more are answered 503 "
                    + "(env GLOSSA_MAX_EVENT_STREAMS; default: ${DEFAULT-VALUE}).")
    int maxEventStreams;

    @Option(
            names = "--max-event-streams-per-key",
            defaultValue = "${env:GLOSSA_MAX_EVENT_STREAMS_PER_KEY:-16}",
            paramLabel = "N",
            description = "Event streams one API key may have open; more are answered 429 "
                    + "(env GLOSSA_MAX_EVENT_STREAMS_PER_KEY; default: ${DEFAULT-VALUE}).")
    int maxEventStreamsPerKey;

    @Option(
            names = "--max-text-bytes",
            defaultValue = "${env:GLOSSA_MAX_TEXT_BYTES:-100000}",
            paramLabel = "BYTES",
            description =
                    "Largest text accepted, in UTF-8 bytes (env GLOSSA_MAX_TEXT_BYTES; default: ${DEFAULT-VALUE}).")
    int maxTextBytes;

    @Option(
            names = "--max-batch",
            defaultValue = "${env:GLOSSA_MAX_BATCH:-1000}",
            paramLabel = "N",
            description = "Most texts in one batch request (env GLOSSA_MAX_BATCH; default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(
            names = "--max-wait",
            defaultValue = "${env:GLOSSA_MAX_WAIT:-30s}",
            paramLabel = "DURATION",
            description = "Cap on ?wait= long-polls (env GLOSSA_MAX_WAIT; default: ${DEFAULT-VALUE}).")
    String maxWait;

    @Option(
            names = "--access-log",
            defaultValue = "${env:GLOSSA_ACCESS_LOG:-false}",
            fallbackValue = "true",
            arity = "0..1",
            paramLabel = "BOOLEAN",
            description = "Log one line per HTTP request: method, path (no query string), status, time, client "
                    + "(env GLOSSA_ACCESS_LOG; default: ${DEFAULT-VALUE}).")
    boolean accessLog;

    /** @throws ParameterException (picocli prints it with usage) if a value is out of range */
    HttpSettings settings() {
        try {
            return new HttpSettings(host, port, HttpSettings.allowedHosts(host, allowedHosts), apiSettings(), limits());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SubmissionLimits limits() {
        try {
            return new SubmissionLimits(maxTextBytes, maxBatch);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ApiSettings apiSettings() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        Duration wait;
        try {
            wait = DurationText.parse(maxWait, "--max-wait");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // bodies are read into memory: cap a batch at 16 MiB (a full batch of full-size texts must be split)
        long batchBody = Math.min(16L << 20, 2L * maxBatch * maxTextBytes + 4096);
        try {
            return new ApiSettings(
                    wait,
                    batchBody,
                    ApiSettings.DEFAULT.keepAlive(),
                    accessLog,
                    maxEventStreams,
                    maxEventStreamsPerKey);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
