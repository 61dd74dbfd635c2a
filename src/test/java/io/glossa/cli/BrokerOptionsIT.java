package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.broker.BrokerFlavour;
import io.glossa.broker.BrokerSession;
import io.glossa.pipeline.BrokerUnavailableException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What `serve`/`api`/`worker` get from BrokerOptions.open: a session, or one clear line. */
class BrokerOptionsIT {
    static BrokerOptions parse(String... args) {
        BrokerOptionsTest.Probe probe = new BrokerOptionsTest.Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.broker;
    }

    @Test
    void unreachableBrokerEndsWithOneLineWithoutThePassword(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BrokerOptions options =
                parse("--amqp-uri", "amqp://app:hunter2@127.0.0.1:" + closedPort + "/", "--amqp-connect-timeout", "1");
        assertThatThrownBy(() -> options.open(dir, "test"))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("AMQP broker amqp://app@127.0.0.1:" + closedPort + "/ unreachable after")
                .hasMessageContaining("Connection refused")
                .message()
                .doesNotContain("hunter2")
                .doesNotContain("\n");
    }

    @Test
    void embeddedBrokerOnATakenPortEndsWithOneLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            BrokerOptions options = parse("--amqp-port", String.valueOf(taken.getLocalPort()));
            assertThatThrownBy(() -> options.open(dir, "test"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .message()
                    .doesNotContain("\n");
        }
    }

    @Test
    void withoutAnUriTheEmbeddedBrokerRunsUnderTheDataDir(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (BrokerSession session = parse("--amqp-port", String.valueOf(port), "--queue-prefix", "opts-it")
                .open(dir, "test")) {
            assertThat(session.embedded()).isPresent();
            assertThat(session.broker().flavour()).isEqualTo(BrokerFlavour.QPID);
            assertThat(session.broker()
                            .queueStatistics()
                            .stats("opts-it.jobs.realtime")
                            .present())
                    .isTrue();
            assertThat(dir.resolve("broker/store")).isDirectory();
        }
    }
}
