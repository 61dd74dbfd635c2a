package io.glossa.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program from Debian that a test drives (a browser, a Python client, promtool). When it is missing the test
 * fails and says how to install it; it does not skip, because a green run must mean that every test ran.
 * {@code ./test} installs all of them.
 */
public final class RequiredTool {
    private RequiredTool() {}

    /** Fails the test unless {@code present}, naming the tool and the Debian packages that bring it. */
    public static void require(boolean present, String tool, String debianPackages) {
        if (!present) {
            throw new AssertionError(tool + " is missing: install it with `apt-get install -y " + debianPackages
                    + "` (./test installs every tool the tests need)");
        }
    }

    /** Fails unless {@code path} is an executable file. */
    public static void requireExecutable(String path, String debianPackages) {
        require(Files.isExecutable(Path.of(path)), path, debianPackages);
    }

    /** The program {@code name} found on the PATH; fails if it is not there. */
    public static Path onPath(String name, String debianPackages) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        require(false, name + " (on the PATH)", debianPackages);
        return null; // not reached
    }
}
