package io.glossa.cli;

import io.glossa.app.MetricsEndpoint;
import io.glossa.app.Roles;
import io.glossa.app.WorkerRoleSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa worker}: consumes jobs, predicts, stores results; start as many as you like, anywhere. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Consume jobs, predict, store results; start any number, anywhere.",
            "Needs --amqp-uri (RabbitMQ, or amqp://guest:guest@127.0.0.1:5673 for the embedded broker of a running",
            "'glossa serve'/'glossa api') and --db-url (PostgreSQL, the database of a deployment across machines)."
        })
final class WorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    WorkerOptions workerOptions;

    @Mixin
    ModelOption modelOption;

    @Mixin
    TracingOptions tracingOptions;

    @picocli.CommandLine.Option(
            names = "--metrics-port",
            defaultValue = "${env:GLOSSA_METRICS_PORT:--1}",
            paramLabel = "PORT",
            description =
                    "Serve /metrics, /health and /ready on this port (env GLOSSA_METRICS_PORT; 0 picks a free one; "
                            + "default: none).")
    int metricsPort;

    @picocli.CommandLine.Option(
            names = "--metrics-host",
            defaultValue = "${env:GLOSSA_METRICS_HOST:-127.0.0.1}",
            paramLabel = "ADDRESS",
            description = "Address the metrics port listens on (env GLOSSA_METRICS_HOST; "
                    + "default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for a Prometheus elsewhere).")
    String metricsHost;

    @Override
    public Integer call() throws InterruptedException {
        return ExitCodes.of(Roles.worker(settings()).serveUntilStopped());
    }

    /** The role's settings from the flags and environment; a malformed value ends the command with one line. */
    public WorkerRoleSettings settings() {
        if (metricsPort < -1 || metricsPort > 65535) {
            throw new ParameterException(
                    spec.commandLine(), "--metrics-port must be between 0 and 65535, got " + metricsPort);
        }
        if (brokerOptions.embedded()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "worker needs --amqp-uri (or GLOSSA_AMQP_URI), e.g. "
                            + "amqp://guest:guest@127.0.0.1:5673 for the embedded broker of a running 'glossa serve'");
        }
        if (storeOptions.embedded()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "worker needs --db-url (or GLOSSA_DB_URL): separate "
                            + "workers share a PostgreSQL database; on one machine, give 'glossa serve' more --workers instead");
        }
        return new WorkerRoleSettings(
                storeOptions.settings(),
                brokerOptions.settings(storeOptions.dataDir()),
                workerOptions.settings(modelOption.source()),
                metricsPort < 0 ? Optional.empty() : Optional.of(new MetricsEndpoint(metricsHost, metricsPort)),
                tracingOptions.settings("worker"));
    }
}
