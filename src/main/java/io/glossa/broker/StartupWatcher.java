package io.glossa.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;

/**
 * {@code SystemLauncher.startup} logs a failed start (bad config) and returns normally, and a port that cannot bind
 * or a store that cannot open only leaves that object in state ERRORED; this listener keeps what went wrong so
 * {@link EmbeddedBroker#start} can fail loudly instead.
 */
final class StartupWatcher implements SystemLauncherListener {
    private final AtomicReference<RuntimeException> error = new AtomicReference<>();
    private final AtomicReference<SystemConfig<?>> system = new AtomicReference<>();

    RuntimeException error() {
        return error.get();
    }

    /** Names of the ports and virtual-host nodes that are not active, e.g. "port AMQP (ERRORED)". */
    List<String> inactive() {
        List<String> problems = new ArrayList<>();
        SystemConfig<?> config = system.get();
        // getContainer() is the broker for a broker system config; avoids the raw Class<Broker> generic mismatch
        Broker<?> broker = config != null && config.getContainer() instanceof Broker<?> b ? b : null;
        if (broker == null) {
            problems.add("broker (not created)");
            return problems;
        }
        broker.getPorts().forEach(p -> check("port", p, problems));
        broker.getVirtualHostNodes().forEach(n -> check("virtual host node", n, problems));
        return problems;
    }

    private static void check(String kind, ConfiguredObject<?> object, List<String> problems) {
        if (object.getState() != State.ACTIVE) {
            problems.add(kind + " " + object.getName() + " (" + object.getState() + ")");
        }
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
    public void onContainerResolve(SystemConfig<?> systemConfig) {
        system.set(systemConfig);
    }

    @Override
    public void onContainerClose(SystemConfig<?> systemConfig) {}

    @Override
    public void onShutdown(int exitCode) {}

    @Override
    public void exceptionOnShutdown(Exception e) {}
}
