package io.glossa.broker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J running in this JVM: an AMQP 0-9-1 broker the RabbitMQ client talks to unchanged.
 * Loopback only; exchanges, queues and persistent messages live in a BDB store under {@code <data-dir>/broker}.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedBrokerSettings settings;
    private final SystemLauncher launcher;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedBroker(EmbeddedBrokerSettings settings, SystemLauncher launcher) {
        this.settings = settings;
        this.launcher = launcher;
    }

    /** Starts the broker and returns once its AMQP port accepts connections. */
    public static EmbeddedBroker start(EmbeddedBrokerSettings settings) {
        QpidLogging.quiet();
        long started = System.nanoTime();
        StartupWatcher watcher = new StartupWatcher();
        SystemLauncher launcher = new SystemLauncher(watcher);
        try {
            ownerOnly(Files.createDirectories(settings.brokerDir()));
            launcher.startup(systemConfig(settings));
            if (watcher.error() != null) {
                throw watcher.error();
            }
            if (!watcher.inactive().isEmpty()) {
                throw new IllegalStateException("not active: " + String.join(", ", watcher.inactive())
                        + " (port already in use, or the store is locked by another process?)");
            }
        } catch (Exception e) {
            launcher.shutdown();
            throw new IllegalStateException(
                    "embedded AMQP broker could not start on 127.0.0.1:" + settings.port() + " with data in "
                            + settings.brokerDir() + ": " + rootMessage(e),
                    e);
        }
        LOG.info(
                "embedded AMQP broker (Qpid Broker-J) on amqp://127.0.0.1:{}, store {}, started in {} ms",
                settings.port(),
                settings.brokerDir(),
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedBroker(settings, launcher);
    }

    /**
     * The broker's folder holds every queued job, texts included: only the user glossa runs as may enter it (its
     * files are then out of others' reach whatever the umask made them). Also tightens a folder made by an older
     * version. Not a POSIX file system: left as it is.
     */
    private static void ownerOnly(java.nio.file.Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("{} is not on a POSIX file system; its permissions are left as they are", dir);
        }
    }

    private static Map<String, Object> systemConfig(EmbeddedBrokerSettings settings) throws IOException {
        String workDir = settings.brokerDir().resolve("work").toAbsolutePath().toString();
        Files.createDirectories(settings.brokerDir().resolve("work"));
        Map<String, Object> context = new HashMap<>();
        // without these Qpid writes a "work" folder (and log files) into the current directory
        context.put("qpid.work_dir", workDir);
        context.put("QPID_WORK", workDir);
        context.put("qpid.amqp_port", String.valueOf(settings.port()));
        Map<String, Object> config = new HashMap<>();
        // Memory system config: broker-level settings come from the JSON each start; the virtual host node's BDB
        // store still keeps queues and messages on disk
        config.put("type", "Memory");
        config.put("initialConfigurationLocation", QpidInitialConfig.dataUrl(settings));
        config.put("startupLoggedToSystemOut", false);
        config.put("preferenceStoreAttributes", Map.of("type", "Noop"));
        config.put("context", context);
        return config;
    }

    public EmbeddedBrokerSettings settings() {
        return settings;
    }

    public int port() {
        return settings.port();
    }

    /** The URI clients use; it carries the credentials, so never log it (use {@link #describe()}). */
    public URI amqpUri() {
        return URI.create("amqp://" + encode(settings.username()) + ":" + encode(settings.password()) + "@127.0.0.1:"
                + settings.port() + "/");
    }

    public AmqpEndpoint endpoint() {
        return AmqpEndpoint.parse(amqpUri().toString(), settings.username(), settings.password());
    }

    public String describe() {
        return "embedded broker amqp://127.0.0.1:" + settings.port() + "/";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        launcher.shutdown();
        LOG.info("embedded AMQP broker stopped");
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
