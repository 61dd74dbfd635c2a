package io.glossa.broker;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;

/**
 * {@code SystemLauncher.startup} logs a failed start (bad config, port taken, store locked) and returns normally;
 * this listener keeps the error so {@link EmbeddedBroker#start} can fail loudly instead.
 */
final class StartupWatcher implements SystemLauncherListener {
    private final AtomicReference<RuntimeException> error = new AtomicReference<>();

    RuntimeException error() {
        return error.get();
    }

    @Override
    public void errorOnStartup(RuntimeException e) {
        error.compareAndSet(null, e);
    }

    @Override
    public void beforeStartup() {}

    @Override
    public void afterStartup() {}

    @Override
    public void onContainerResolve(SystemConfig<?> systemConfig) {}

    @Override
    public void onContainerClose(SystemConfig<?> systemConfig) {}

    @Override
    public void onShutdown(int exitCode) {}

    @Override
    public void exceptionOnShutdown(Exception e) {}
}
