package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class BrokerOptionsTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        BrokerOptions broker;

        @Override
        public void run() {}
    }

    record Parsed(int exit, Probe probe, String err) {}

    static Parsed parse(String... args) {
        Probe probe = new Probe();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(probe).setErr(new PrintWriter(err)).execute(args);
        return new Parsed(exit, probe, err.toString());
    }

    @Test
    void defaultsMeanTheEmbeddedBrokerOnPort5673() {
        Parsed p = parse();
        // GLOSSA_* variables would change the defaults; CI does not set them
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GLOSSA_AMQP_URI") == null);
        assertThat(p.exit).isZero();
        assertThat(p.probe.broker.embedded()).isTrue();
        assertThat(p.probe.broker.endpoint()).isEmpty();
        assertThat(p.probe.broker.embeddedSettings(java.nio.file.Path.of("d")).port())
                .isEqualTo(5673);
        assertThat(p.probe.broker.prefetch()).isEqualTo(200);
        assertThat(p.probe.broker.maxAttempts()).isEqualTo(5);
        assertThat(p.probe.broker.jobsPerMessage()).isEqualTo(50);
        assertThat(p.probe.broker.relayLinger()).isEqualTo(java.time.Duration.ofMillis(8));
        assertThat(p.probe.broker.topology().prefix()).isEqualTo("glossa");
    }

    @Test
    void takesAClusterUriAndTheTuning() {
        Parsed p = parse(
                "--amqp-uri",
                "amqp://u:p@n1:5672/,n2:5673",
                "--prefetch",
                "300",
                "--max-attempts",
                "3",
                "--queue-prefix",
                "staging",
                "--max-job-bytes",
                "200000",
                "--jobs-per-message",
                "1",
                "--relay-linger",
                "0");
        assertThat(p.exit).isZero();
        assertThat(p.probe.broker.embedded()).isFalse();
        assertThat(p.probe.broker.endpoint().orElseThrow().addresses()).hasSize(2);
        assertThat(p.probe.broker.consumerSettings(4).prefetch()).isEqualTo(300);
        assertThat(p.probe.broker.consumerSettings(4).maxAttempts()).isEqualTo(3);
        assertThat(p.probe.broker.consumerSettings(4).maxBodyBytes()).isEqualTo(200_000);
        assertThat(p.probe.broker.jobsPerMessage()).isEqualTo(1);
        assertThat(p.probe.broker.relayLinger()).isZero();
        assertThat(p.probe.broker.settings(java.nio.file.Path.of("d")).relayLinger())
                .isZero();
        assertThat(parse("--max-job-bytes", "2048").probe.broker.jobPacking().maxBytes())
                .as("the relay never packs a body its own --max-job-bytes would refuse")
                .isEqualTo(2048);
        assertThat(p.probe.broker.topology().queue(io.glossa.pipeline.Lane.BATCH))
                .isEqualTo("staging.jobs.batch");
    }

    @Test
    void badValuesEndWithOneClearLine() {
        assertOneLineError(
                parse("--amqp-uri", "http://nope"), "--amqp-uri: AMQP URI must start with amqp:// or amqps://");
        assertOneLineError(parse("--prefetch", "0"), "--prefetch must be between 1 and 65535, got 0");
        assertOneLineError(parse("--max-attempts", "-2"), "--max-attempts must be between 1 and 1000, got -2");
        assertOneLineError(parse("--queue-prefix", "a b"), "--queue-prefix: queue prefix must be");
        assertOneLineError(parse("--amqp-port", "70000"), "--amqp-port must be between 1 and 65535, got 70000");
        assertOneLineError(parse("--max-job-bytes", "10"), "--max-job-bytes must be at least 1024, got 10");
        assertOneLineError(parse("--jobs-per-message", "0"), "--jobs-per-message must be 1 to 1000, got 0");
        assertOneLineError(parse("--prefetch", "many"), "Invalid value for option '--prefetch'");
        assertOneLineError(parse("--relay-linger", "2s"), "--relay-linger must be at most 1s, got 2s");
        assertOneLineError(parse("--relay-linger", "soon"), "--relay-linger: 'soon' is not a duration");
    }

    private static void assertOneLineError(Parsed p, String message) {
        assertThat(p.exit).isEqualTo(2);
        assertThat(p.err.lines().findFirst().orElse("")).startsWith(message);
        assertThat(p.err).doesNotContain("Exception");
    }

    @Test
    void aTruststoreNeedsAnAmqpsUriAndABadOneIsOneLineWithoutThePassword(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path notAStore = java.nio.file.Files.writeString(dir.resolve("trust.p12"), "not a keystore");
        Parsed plain = parse("--amqp-uri", "amqp://u:p@h/", "--amqp-tls-truststore", notAStore.toString());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> plain.probe.broker.connectSettings()))
                .hasMessageContaining("give an amqps:// --amqp-uri");
        Parsed tls = parse(
                "--amqp-uri",
                "amqps://u:p@h/",
                "--amqp-tls-truststore",
                notAStore.toString(),
                "--amqp-tls-truststore-password",
                "pw-never-shown");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> tls.probe.broker.connectSettings()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("cannot open AMQP truststore " + notAStore)
                .hasMessageNotContaining("pw-never-shown");
    }
}
