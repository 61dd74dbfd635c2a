package io.glossa.cli;

import io.glossa.app.BrokerSettings;
import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.BrokerSession;
import io.glossa.broker.ConnectSettings;
import io.glossa.broker.ConsumerSettings;
import io.glossa.broker.EmbeddedBrokerSettings;
import io.glossa.broker.JobPacking;
import io.glossa.broker.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * AMQP options shared by {@code serve}, {@code api} and {@code worker}. Without {@code --amqp-uri} the process starts
 * the embedded broker (Qpid Broker-J, loopback only) under the data dir. Every value is checked while parsing, so a
 * bad one ends the command with one clear line.
 */
public final class BrokerOptions {
    static final int DEFAULT_JOBS_PER_MESSAGE = BrokerSettings.DEFAULT_JOBS_PER_MESSAGE;
    private static final Duration EMBEDDED_CLIENT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** A longer wait would hold results back for no further saving: a second fills hundreds of messages. */
    private static final Duration MAX_RELAY_LINGER = Duration.ofSeconds(1);

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private String amqpUri;
    private AmqpEndpoint endpoint;
    private int amqpPort = EmbeddedBrokerSettings.DEFAULT_PORT;
    private int prefetch = ConsumerSettings.DEFAULT_PREFETCH;
    private int maxAttempts = ConsumerSettings.DEFAULT_MAX_ATTEMPTS;
    private Topology topology = Topology.defaults();
    private int connectTimeoutSeconds = 30;
    private int maxJobBytes = io.glossa.broker.JobMessageCodec.DEFAULT_MAX_BODY_BYTES;
    private int jobsPerMessage = DEFAULT_JOBS_PER_MESSAGE;
    private Duration relayLinger = BrokerSettings.DEFAULT_RELAY_LINGER;

    @Option(
            names = "--amqp-user",
            defaultValue = "${env:GLOSSA_AMQP_USER:-guest}",
            description =
                    "AMQP user for the embedded broker, and for --amqp-uri without one (env GLOSSA_AMQP_USER; default guest)")
    String user;

    @Option(
            names = "--amqp-password",
            defaultValue = "${env:GLOSSA_AMQP_PASSWORD:-guest}",
            arity = "1",
            description = "AMQP password, likewise (env GLOSSA_AMQP_PASSWORD; default guest — the embedded broker "
                    + "listens on 127.0.0.1 only)")
    String password;

    @Option(
            names = "--amqp-uri",
            defaultValue = "${env:GLOSSA_AMQP_URI}",
            paramLabel = "URI",
            description = "AMQP broker: amqp://user:pass@host:5672/vhost, or comma-separated URIs/host:port of a "
                    + "cluster's nodes (env GLOSSA_AMQP_URI). Absent: run the embedded broker.")
    void amqpUri(String value) {
        if (value == null || value.isBlank()) {
            amqpUri = null;
            return;
        }
        try {
            AmqpEndpoint.parse(value, "guest", "guest");
        } catch (IllegalArgumentException e) {
            throw invalid("--amqp-uri: " + e.getMessage());
        }
        amqpUri = value;
    }

    @Option(
            names = "--amqp-port",
            defaultValue = "${env:GLOSSA_AMQP_PORT:-5673}",
            paramLabel = "PORT",
            description = "Port of the embedded broker on 127.0.0.1 (env GLOSSA_AMQP_PORT; default ${DEFAULT-VALUE})")
    void amqpPort(int value) {
        if (value < 1 || value > 65535) {
            throw invalid("--amqp-port must be between 1 and 65535, got " + value);
        }
        amqpPort = value;
    }

    @Option(
            names = "--prefetch",
            defaultValue = "${env:GLOSSA_PREFETCH:-200}",
            paramLabel = "N",
            description =
                    "Unacked jobs a worker holds per lane (env GLOSSA_PREFETCH; default ${DEFAULT-VALUE}; 100-300 is best)")
    void prefetch(int value) {
        if (value < 1 || value > 65535) {
            throw invalid("--prefetch must be between 1 and 65535, got " + value);
        }
        prefetch = value;
    }

    @Option(
            names = "--max-attempts",
            defaultValue = "${env:GLOSSA_MAX_ATTEMPTS:-5}",
            paramLabel = "N",
            description =
                    "Handling attempts before a job goes to the failed queue (env GLOSSA_MAX_ATTEMPTS; default ${DEFAULT-VALUE})")
    void maxAttempts(int value) {
        if (value < 1 || value > 1000) {
            throw invalid("--max-attempts must be between 1 and 1000, got " + value);
        }
        maxAttempts = value;
    }

    @Option(
            names = "--queue-prefix",
            defaultValue = "${env:GLOSSA_QUEUE_PREFIX:-glossa}",
            paramLabel = "NAME",
            description = "Prefix of every exchange and queue name (env GLOSSA_QUEUE_PREFIX; default ${DEFAULT-VALUE})")
    void queuePrefix(String value) {
        try {
            topology = new Topology(value);
        } catch (IllegalArgumentException e) {
            throw invalid("--queue-prefix: " + e.getMessage());
        }
    }

    @Option(
            names = "--amqp-connect-timeout",
            defaultValue = "${env:GLOSSA_AMQP_CONNECT_TIMEOUT:-30}",
            paramLabel = "SECONDS",
            description =
                    "How long the first connect retries before giving up (env GLOSSA_AMQP_CONNECT_TIMEOUT; default ${DEFAULT-VALUE})")
    void connectTimeout(int seconds) {
        if (seconds < 0 || seconds > 3600) {
            throw invalid("--amqp-connect-timeout must be between 0 and 3600 seconds, got " + seconds);
        }
        connectTimeoutSeconds = seconds;
    }

    @Option(
            names = "--max-job-bytes",
            defaultValue = "${env:GLOSSA_MAX_JOB_BYTES:-1048576}",
            paramLabel = "BYTES",
            description =
                    "Job messages with a larger body go to the failed queue unread (env GLOSSA_MAX_JOB_BYTES; default ${DEFAULT-VALUE})")
    void maxJobBytes(int bytes) {
        if (bytes < 1024) {
            throw invalid("--max-job-bytes must be at least 1024, got " + bytes);
        }
        maxJobBytes = bytes;
    }

    @Option(
            names = "--jobs-per-message",
            defaultValue = "${env:GLOSSA_JOBS_PER_MESSAGE:-" + DEFAULT_JOBS_PER_MESSAGE + "}",
            paramLabel = "N",
            description = "api, serve: the outbox relay puts up to N jobs of one lane that are ready "
                    + "together into one message (docs/messages.md); 1 sends each job alone, as the talk did "
                    + "(env GLOSSA_JOBS_PER_MESSAGE; default ${DEFAULT-VALUE})")
    void jobsPerMessage(int n) {
        if (n < 1 || n > io.glossa.broker.JobMessageCodec.MAX_JOBS_PER_BODY) {
            throw invalid("--jobs-per-message must be 1 to " + io.glossa.broker.JobMessageCodec.MAX_JOBS_PER_BODY
                    + ", got " + n);
        }
        jobsPerMessage = n;
    }

    public int jobsPerMessage() {
        return jobsPerMessage;
    }

    @Option(
            names = "--relay-linger",
            defaultValue = "${env:GLOSSA_RELAY_LINGER:-8ms}",
            paramLabel = "DURATION",
            description =
                    "api, serve: how long after its acceptance a realtime job may wait in the outbox relay for "
                            + "others to share its message (fewer, fuller messages: less CPU per text; the result comes that "
                            + "much later); 0 publishes at once, at most 1s (env GLOSSA_RELAY_LINGER; default ${DEFAULT-VALUE})")
    void relayLinger(String text) {
        Duration value;
        try {
            value = DurationText.parse(text, "--relay-linger");
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (value.compareTo(MAX_RELAY_LINGER) > 0) {
            throw invalid("--relay-linger must be at most 1s, got " + text);
        }
        relayLinger = value;
    }

    public Duration relayLinger() {
        return relayLinger;
    }

    /** What the API's relay packs: never a body a worker with this process's --max-job-bytes would refuse. */
    public JobPacking jobPacking() {
        return new JobPacking(jobsPerMessage, Math.min(JobPacking.MAX_PACKED_BYTES, maxJobBytes));
    }

    @Mixin
    AmqpTlsOptions tls = new AmqpTlsOptions();

    /** True when no external broker is configured and the embedded one runs. */
    public boolean embedded() {
        return amqpUri == null;
    }

    /** The external broker, if {@code --amqp-uri} was given. */
    public Optional<AmqpEndpoint> endpoint() {
        if (amqpUri == null) {
            return Optional.empty();
        }
        if (endpoint == null) {
            endpoint = AmqpEndpoint.parse(amqpUri, user, password);
        }
        return Optional.of(endpoint);
    }

    public Topology topology() {
        return topology;
    }

    public int prefetch() {
        return prefetch;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** @throws ParameterException (one line, never the password) if the truststore cannot be used */
    public ConnectSettings connectSettings() {
        ConnectSettings settings =
                ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(connectTimeoutSeconds));
        try {
            return tls.apply(settings, endpoint());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    public ConsumerSettings consumerSettings(int workerThreads) {
        return consumerSettings().withWorkers(workerThreads);
    }

    private ConsumerSettings consumerSettings() {
        return ConsumerSettings.defaults()
                .withPrefetch(prefetch)
                .withMaxAttempts(maxAttempts)
                .withMaxBodyBytes(maxJobBytes);
    }

    /**
     * What a role's broker is, with the embedded broker under {@code dataDir}.
     * @throws ParameterException (one line, never the password) if the truststore cannot be used
     */
    public BrokerSettings settings(Path dataDir) {
        return new BrokerSettings(
                endpoint(),
                embeddedSettings(dataDir),
                topology,
                connectSettings(),
                jobPacking(),
                consumerSettings(),
                relayLinger);
    }

    public EmbeddedBrokerSettings embeddedSettings(Path dataDir) {
        return new EmbeddedBrokerSettings(dataDir, amqpPort, user, password);
    }

    /**
     * For commands that talk to a running system as a client (reverify, models): the broker of {@code --amqp-uri},
     * or else the embedded broker a {@code glossa serve} on this machine runs on 127.0.0.1:{@code --amqp-port}.
     * Connecting to the latter gives up after a few seconds: it is there only while serve runs.
     * @throws io.glossa.pipeline.BrokerUnavailableException if it does not answer
     */
    public BrokerSession openAsClient(String role) {
        if (!embedded()) {
            return BrokerSession.external(endpoint().orElseThrow(), topology, connectSettings(), role);
        }
        return BrokerSession.external(
                AmqpEndpoint.parse("amqp://127.0.0.1:" + amqpPort, user, password),
                topology,
                ConnectSettings.defaults().withFirstConnectTimeout(EMBEDDED_CLIENT_CONNECT_TIMEOUT),
                role);
    }

    /** What {@link #openAsClient} reaches, for messages. */
    public String clientTarget() {
        return embedded()
                ? "the embedded broker of a glossa serve on 127.0.0.1:" + amqpPort + " (--amqp-port)"
                : endpoint().orElseThrow().describe();
    }

    /**
     * Starts the embedded broker under {@code dataDir} (if no --amqp-uri) and connects; the exceptions' messages are
     * one-line and meant for the user: {@link io.glossa.pipeline.BrokerUnavailableException} (unreachable after
     * retries), {@link IllegalStateException} (embedded broker cannot start, e.g. port taken; topology conflict).
     * @param role names the connections: serve, api, worker
     */
    public BrokerSession open(Path dataDir, String role) {
        return open(dataDir, role, new com.rabbitmq.client.NoOpMetricsCollector());
    }

    /** As {@link #open(Path, String)}, counting the connections' messages in {@code metrics}. */
    public BrokerSession open(Path dataDir, String role, com.rabbitmq.client.MetricsCollector metrics) {
        return settings(dataDir).open(role, metrics);
    }

    private ParameterException invalid(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
