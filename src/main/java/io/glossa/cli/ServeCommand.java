package io.glossa.cli;

import io.glossa.app.FrontSettings;
import io.glossa.app.Roles;
import io.glossa.app.ServeSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code glossa serve}: everything in one process — API and UI, workers, and (unless --amqp-uri / --db-url point
 * elsewhere) the embedded broker and database under --data-dir.
 * Public, unlike the other commands: SafeDefaultsIT parses serve's own defaults to check them.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run everything in one process: API, UI, workers, broker and database.",
            "Without options the AMQP broker (Qpid, 127.0.0.1:5673) and the database are embedded, under --data-dir;",
            "accepted texts survive a restart. With --amqp-uri / --db-url it uses RabbitMQ / PostgreSQL instead."
        })
public final class ServeCommand implements Callable<Integer> {
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
    WorkerOptions workerOptions;

    @Mixin
    ModelOption modelOption;

    @Mixin
    TracingOptions tracingOptions;

    @Override
    public Integer call() throws InterruptedException {
        return ExitCodes.of(Roles.serve(settings()).serveUntilStopped());
    }

    /** The role's settings from the flags and environment; a malformed value ends the command with one line. */
    public ServeSettings settings() {
        return new ServeSettings(
                storeOptions.settings(),
                brokerOptions.settings(storeOptions.dataDir()),
                new FrontSettings(http.settings(), access.policy(), retention.period()),
                workerOptions.settings(modelOption.source()),
                tracingOptions.settings("serve"));
    }
}
