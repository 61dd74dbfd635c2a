package io.glossa.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared data (../shared/data beside the checkout, or -Dglossa.sharedData): the real texts the
 * integration tests send and train on. Never committed; when it is missing a test fails and says where it is looked
 * for, rather than skipping.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared data folder; fails the test if it is not there. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("glossa.sharedData", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            throw new AssertionError(
                    "the shared data folder " + dir.toAbsolutePath().normalize() + " is missing:"
                            + " put the project's shared data there (or a symlink to it), or pass -Dglossa.sharedData=DIR");
        }
        return dir;
    }
}
