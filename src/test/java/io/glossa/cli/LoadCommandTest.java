package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossa load}'s flags: a bad one is one actionable line, before anything is sent. */
class LoadCommandTest {
    /** {@code glossa load} against a port nobody listens on, reading {@code data}, with the flags under test. */
    private static CliRun load(String data, String... flags) {
        List<String> args = new ArrayList<>(
                List.of("load", "--url", "http://127.0.0.1:9", "--rate", "1", "--duration", "1s", "--data", data));
        args.addAll(List.of(flags));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void anUnwritableAcceptedIdsFileIsAUserError(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\n");
        Path ids = dir.resolve("no-such-dir").resolve("ids.txt");
        CliRun run = load(data.toString(), "--accepted-ids", ids.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err().strip())
                .isEqualTo("glossa load: --accepted-ids: cannot write " + ids + ": its folder does not exist")
                .doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aBatchOutOfRangeIsOneLineNamingTheFlag(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\n");
        CliRun run = load(data.toString(), "--batch", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines().findFirst().orElse(""))
                .contains("batch must be 1 to 1000 texts per request, got 0");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void aKeyThatCannotBeAHeaderIsRefusedBeforeAnyRequest() {
        CliRun run = load("unused.txt", "--api-key", "abc\r\nX-Injected: 1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--api-key: an API key is up to 512 printable ASCII characters");
    }
}
