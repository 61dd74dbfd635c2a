package io.glossa.registry;

import java.util.List;

/**
 * What the store counts for a re-verify report, over the texts the run scored.
 *
 * @param scored texts scored in the run
 * @param same of those, answered like the prediction clients were shown
 * @param labelled of those, texts with a user's label (the newest per text)
 * @param correctNow labelled texts the run's model got right
 * @param correctBefore labelled texts the stored prediction got right
 * @param changes texts whose language moved, per (stored, new) pair
 */
public record ReverifyTallies(
        long scored, long same, long labelled, long correctNow, long correctBefore, List<Change> changes) {
    public record Change(String from, String to, long count) {}
}
