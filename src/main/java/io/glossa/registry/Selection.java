package io.glossa.registry;

import java.time.Instant;

/**
 * Which stored texts a re-verify run scores again: only texts with a stored result (status done), since they are
 * what the report compares against.
 *
 * @param sample a random sample of this many texts; 0 = no sampling
 * @param since only texts submitted at or after this; null = any time
 */
public record Selection(int sample, Instant since) {
    public static Selection all() {
        return new Selection(0, null);
    }

    public String describe() {
        if (sample > 0) {
            return "sample of " + sample + (since == null ? "" : " since " + since);
        }
        return since == null ? "all" : "since " + since;
    }
}
