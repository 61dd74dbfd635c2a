package io.glossa.store;

import java.util.Locale;

/**
 * When the embedded database forces its write-ahead log to disk (SQLite's {@code synchronous} in WAL mode).
 * Either way a commit is in the operating system before {@code accept} returns, so a crash of the process loses
 * nothing; they differ on a crash of the machine.
 */
public enum EmbeddedSync {
    /** fsync at checkpoints only: an OS crash or power cut may lose the last commits, never corrupt the file. */
    NORMAL,
    /** fsync every commit: a power cut loses nothing committed, at the cost of a disk flush per transaction. */
    FULL;

    String pragma() {
        return name();
    }

    /** @throws IllegalArgumentException naming the values, for anything else */
    public static EmbeddedSync parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a sync policy: use normal or full");
        }
    }
}
