package io.glossa.cli;

import io.glossa.app.ApiRoleSettings;
import io.glossa.app.FrontSettings;
import io.glossa.app.Roles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa api}: the HTTP API and outbox relay only; workers run elsewhere ({@code glossa worker}). */
@Command(
        name = "api",
        mixinStandardHelpOptions = true,
        description = {
            "Run the HTTP API, UI and outbox relay, without workers.",
            "Run 'glossa worker' processes beside it.",
            "Needs --db-url (PostgreSQL), since workers in other processes must reach the same database.",
            "Without --amqp-uri it starts the embedded broker on 127.0.0.1:5673 for workers on this machine."
        })
final class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    HttpOptions http;

    @Mixin
    AccessOptions access;

    @Mixin
    RetentionOption retention;

    @Mixin
    TracingOptions tracingOptions;

    @Override
    public Integer call() throws InterruptedException {
        return ExitCodes.of(Roles.api(settings()).serveUntilStopped());
    }

    /** The role's settings from the flags and environment; a malformed value ends the command with one line. */
    public ApiRoleSettings settings() {
        if (storeOptions.embedded()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "api needs --db-url (or GLOSSA_DB_URL): the PostgreSQL "
                            + "database its workers on other machines share; use 'glossa serve' to run everything in one process");
        }
        return new ApiRoleSettings(
                storeOptions.settings(),
                brokerOptions.settings(storeOptions.dataDir()),
                new FrontSettings(http.settings(), access.policy(), retention.period()),
                tracingOptions.settings("api"));
    }
}
