package io.glossa.broker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.glossa.concurrent.Backoff;
import io.glossa.pipeline.BrokerUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections with automatic connection and topology recovery. The first connect retries too, with
 * exponential backoff, until {@link ConnectSettings#firstConnectTimeout()}: a broker that is starting or restarting
 * must not kill the process. Each connection is named for its role so it shows in the broker's management UI.
 */
final class AmqpConnector {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpConnector.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    private final AmqpEndpoint endpoint;
    private final ConnectSettings settings;

    public AmqpConnector(AmqpEndpoint endpoint, ConnectSettings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
    }

    public AmqpEndpoint endpoint() {
        return endpoint;
    }

    public BrokerConnection connect(String role) {
        return connect(role, null);
    }

    /**
     * @param dispatch threads that run consumer callbacks (null: the client's default pool)
     * @throws BrokerUnavailableException when the broker stays unreachable past the first-connect timeout
     */
    public BrokerConnection connect(String role, ExecutorService dispatch) {
        ConnectionFactory factory = factory();
        String name = "glossa-" + role + "@" + hostName();
        long deadline = System.nanoTime() + settings.firstConnectTimeout().toNanos();
        Backoff.Retries retries = BACKOFF.retries();
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = dispatch == null
                        ? factory.newConnection(endpoint.addresses(), name)
                        : factory.newConnection(dispatch, endpoint.addresses(), name);
                if (attempt > 1) {
                    LOG.info("connected to AMQP broker {} as {} after {} attempts", endpoint.describe(), name, attempt);
                }
                return new BrokerConnection(
                        connection, BrokerFlavour.fromServerProperties(connection.getServerProperties()));
            } catch (IOException | TimeoutException | ShutdownSignalException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new BrokerUnavailableException(
                            "AMQP broker " + endpoint.describe() + " unreachable after " + attempt + " attempts in "
                                    + settings.firstConnectTimeout().toSeconds() + " s: " + reason(e),
                            e);
                }
                long pause = Math.min(
                        retries.next().toMillis(), Duration.ofNanos(left).toMillis() + 1);
                LOG.warn("AMQP broker {} not reachable ({}); retrying in {} ms", endpoint.describe(), reason(e), pause);
                sleep(pause);
            }
        }
    }

    /** Package-private for tests: what a connection is opened with. */
    ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername(endpoint.username());
        factory.setPassword(endpoint.password());
        factory.setVirtualHost(endpoint.virtualHost());
        if (endpoint.tls()) {
            // not the client's useSslProtocol() without arguments: that one trusts every certificate
            factory.useSslProtocol(settings.tls().sslContext());
            factory.enableHostnameVerification();
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(settings.recoveryInterval().toMillis());
        factory.setRequestedHeartbeat(settings.heartbeatSeconds());
        factory.setConnectionTimeout(5_000);
        factory.setMetricsCollector(settings.metrics());
        return factory;
    }

    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && t.getCause() != t
                && (t.getMessage() == null
                        || (t instanceof IOException && t.getCause() instanceof ShutdownSignalException))) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while connecting to the AMQP broker", e);
        }
    }
}
