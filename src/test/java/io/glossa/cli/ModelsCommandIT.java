package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `glossa models ...` as a user runs them, on the embedded database of a data dir (in-process). */
class ModelsCommandIT {
    @TempDir
    Path dir;

    private CliRun models(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "models";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = dir.resolve("data").toString();
        return CliRun.of(all);
    }

    @Test
    void addListActivateRollbackAndTheirErrors() throws Exception {
        Path a = Files.write(dir.resolve("a.glossa"), TestModels.builtIn());
        Path b = Files.write(dir.resolve("b.glossa"), TestModels.otherVersion("2027-01-01T00:00:00Z"));
        Path bad = Files.write(dir.resolve("bad.glossa"), TestModels.corrupted(TestModels.builtIn()));
        String va = TestModels.version(TestModels.builtIn());
        String vb = TestModels.version(Files.readAllBytes(b));

        CliRun empty = models("list");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("no models registered yet");

        CliRun corrupt = models("add", bad.toString(), "--note", "broken");
        assertThat(corrupt.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(corrupt.err().lines())
                .singleElement()
                .asString()
                .startsWith("glossa models add: ")
                .contains("bad.glossa")
                .contains("corrupted");

        assertThat(models("add", a.toString(), "--note", "the built-in model").exitCode())
                .isZero();
        CliRun added = models("add", b.toString(), "--note", "retrained");
        assertThat(added.out()).contains("added " + vb).contains("sha256");
        CliRun again = models("add", b.toString(), "--note", "again");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(again.err()).contains("already in the registry");
        assertThat(models("add", b.toString()).exitCode())
                .as("--note is required")
                .isEqualTo(ExitCodes.USAGE);

        assertThat(models("rollback").err()).contains("nothing to roll back to");
        CliRun activated = models("activate", va);
        assertThat(activated.exitCode()).isZero();
        assertThat(activated.err())
                .contains("did not take the announcement")
                .contains("so no announcement sent")
                .contains("127.0.0.1:5673");
        assertThat(models("activate", vb).out()).contains("activated " + vb);
        assertThat(models("activate", "2020-01-01.00000000").err())
                .contains("no model 2020-01-01.00000000 in the registry");
        assertThat(models("rollback").out()).contains("rolled back to " + va);

        CliRun list = models("list");
        assertThat(list.out())
                .containsPattern("\\* " + va.replace(".", "\\.") + " +0\\.9\\d{3} ")
                .containsPattern("  " + vb.replace(".", "\\.") + " ")
                .contains("retrained")
                .contains("activate   " + va)
                .contains("activate   " + vb)
                .contains("rollback   " + va);

        assertThat(models("shadow").exitCode()).as("a version or --off").isEqualTo(ExitCodes.USAGE);
        assertThat(models("shadow", vb).out()).contains("shadowing " + vb);
        assertThat(models("list").out()).containsPattern("s " + vb.replace(".", "\\."));
        CliRun compare = models("compare", va, vb);
        assertThat(compare.exitCode()).isZero();
        assertThat(compare.out())
                .contains("0 texts answered by both")
                .contains("no feedback-labelled text was answered by either version");
        assertThat(models("shadow", "--off").out()).contains("shadow off");
    }

    @Test
    void reverifyWithoutARunningServeSaysToStartOne() throws Exception {
        CliRun reverify =
                CliRun.of("reverify", "--all", "--data-dir", dir.resolve("data").toString(), "--amqp-port", "1");

        assertThat(reverify.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(reverify.err())
                .contains("glossa serve on 127.0.0.1:1 (--amqp-port) does not answer")
                .contains("start 'glossa serve' on this --data-dir, or give --amqp-uri");
        assertThat(reverify.err().strip().lines().count()).as("one line").isEqualTo(1);
    }
}
