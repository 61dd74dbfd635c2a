package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossa load --accepted-ids}: a file that cannot be written is one actionable line, before anything is sent. */
class LoadCommandTest {
    @Test
    void anUnwritableAcceptedIdsFileIsAUserError(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("texts.txt"), "Hej\n");
        Path ids = dir.resolve("no-such-dir").resolve("ids.txt");
        CliRun run = CliRun.of("load", "--url", "http://127.0.0.1:9", "--rate", "1", "--duration", "1s",
                "--data", data.toString(), "--accepted-ids", ids.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err().strip()).isEqualTo("glossa load: --accepted-ids: cannot write " + ids + ": its folder does not exist").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
