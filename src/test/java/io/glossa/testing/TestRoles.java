package io.glossa.testing;

import io.glossa.app.AccessPolicy;
import io.glossa.app.ApiRoleSettings;
import io.glossa.app.BrokerSettings;
import io.glossa.app.FrontSettings;
import io.glossa.app.HttpSettings;
import io.glossa.app.ModelSource;
import io.glossa.app.ServeSettings;
import io.glossa.app.WorkerRoleSettings;
import io.glossa.app.WorkerSettings;
import io.glossa.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Settings for starting roles in-process through {@link io.glossa.app.Roles}, as the commands would with their
 * defaults: HTTP on a free port of 127.0.0.1, the model of {@code -Dglossa.model} (else the built-in one).
 */
public final class TestRoles {
    /** The commands' default connection pool. */
    private static final int POOL = StoreSettings.DEFAULT_POOL_SIZE;

    private TestRoles() {}

    /** serve with its embedded broker (on a free port) and database under {@code dataDir}, and 2 workers. */
    public static ServeSettings embedded(Path dataDir) {
        return serve(StoreSettings.embedded(dataDir, POOL), BrokerSettings.embedded(dataDir, freePort()), 2);
    }

    /** serve on {@code store} and {@code broker} with {@code workers} worker threads. */
    public static ServeSettings serve(StoreSettings store, BrokerSettings broker, int workers) {
        return new ServeSettings(store, broker, FrontSettings.of(HttpSettings.loopback(0)), worker(workers));
    }

    /** The api role on {@code store} and {@code broker}. */
    public static ApiRoleSettings api(StoreSettings store, BrokerSettings broker) {
        return new ApiRoleSettings(store, broker, FrontSettings.of(HttpSettings.loopback(0)));
    }

    /** A worker role with {@code threads} threads and no metrics port. */
    public static WorkerRoleSettings worker(StoreSettings store, BrokerSettings broker, int threads) {
        return new WorkerRoleSettings(store, broker, worker(threads), Optional.empty());
    }

    public static WorkerSettings worker(int threads) {
        return WorkerSettings.of(threads, model());
    }

    public static ServeSettings withAccess(ServeSettings settings, AccessPolicy access) {
        return settings.withFront(settings.front().withAccess(access));
    }

    public static ServeSettings withHttp(ServeSettings settings, UnaryOperator<HttpSettings> change) {
        return settings.withFront(
                settings.front().withHttp(change.apply(settings.front().http())));
    }

    /** The broker settings with {@code attempts} handling attempts before the failed queue. */
    public static BrokerSettings maxAttempts(BrokerSettings broker, int attempts) {
        return broker.withConsumer(broker.consumer().withMaxAttempts(attempts));
    }

    /** The model to serve: -Dglossa.model=FILE, else the built-in one. */
    public static ModelSource model() {
        String model = System.getProperty("glossa.model");
        return model == null || model.isBlank() ? ModelSource.builtIn() : ModelSource.of(Path.of(model));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
