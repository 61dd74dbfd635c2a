package io.glossa.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How long accepted texts are kept ({@code serve}, {@code api}): {@code --retain 30d}, or {@code forever}. */
final class RetentionOption {
    static final String DEFAULT = "30d";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Optional<Duration> period = Optional.of(Duration.ofDays(30));

    @Option(
            names = "--retain",
            defaultValue = "${env:GLOSSA_RETAIN:-" + DEFAULT + "}",
            paramLabel = "DURATION",
            description = "Delete texts with their results and feedback once they are older than this, e.g. 7d, "
                    + "12h; 'forever' keeps them (env GLOSSA_RETAIN; default ${DEFAULT-VALUE}). Checked every minute.")
    void retain(String value) {
        if (value.strip().toLowerCase(Locale.ROOT).equals("forever")) {
            period = Optional.empty();
            return;
        }
        try {
            Duration parsed = DurationText.parse(value, "--retain");
            if (parsed.isZero()) {
                throw new IllegalArgumentException("--retain must be longer than 0; use 'forever' to keep texts");
            }
            period = Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    public Optional<Duration> period() {
        return period;
    }
}
