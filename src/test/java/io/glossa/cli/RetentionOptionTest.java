package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class RetentionOptionTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        RetentionOption retention;

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
    void textsAreKeptThirtyDaysByDefault() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GLOSSA_RETAIN") == null);
        assertThat(parse().probe.retention.period()).contains(Duration.ofDays(30));
    }

    @Test
    void daysHoursOrForever() {
        assertThat(parse("--retain", "7d").probe.retention.period()).contains(Duration.ofDays(7));
        assertThat(parse("--retain", "12h").probe.retention.period()).contains(Duration.ofHours(12));
        assertThat(parse("--retain", "Forever").probe.retention.period()).isEmpty();
    }

    @Test
    void zeroAndNonsenseAreRefusedWithAHint() {
        Parsed zero = parse("--retain", "0d");
        assertThat(zero.exit).isEqualTo(2);
        assertThat(zero.err).contains("--retain must be longer than 0; use 'forever'");
        Parsed nonsense = parse("--retain", "a month");
        assertThat(nonsense.exit).isEqualTo(2);
        assertThat(nonsense.err).contains("--retain: 'a month' is not a duration");
    }
}
