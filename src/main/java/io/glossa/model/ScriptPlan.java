package io.glossa.model;

import io.glossa.text.Scripts;
import java.util.Arrays;

/**
 * Script restriction: where each label's weight sits in a row, and for each mask of scripts a text is written in,
 * which labels it may get and so which words of a row the scoring reads. Immutable.
 */
final class ScriptPlan {
    /** The {@link Scripts} a label is written in. */
    private final int[] labelScripts;
    /** Where label k's weight sits in a row. */
    private final int[] slot;
    /** Per text script mask: the first and last+1 word of a row to score, and the only label allowed (or -1). */
    private final int[] firstWord = new int[Scripts.MASKS];

    private final int[] endWord = new int[Scripts.MASKS];
    private final int[] single = new int[Scripts.MASKS];
    /** Per text script mask: the mask that labels are matched against ({@link Scripts#ALL}: every label). */
    private final int[] allowedMask = new int[Scripts.MASKS];

    ScriptPlan(int[] labelScripts) {
        if (labelScripts.length > 1 << 16) {
            throw new IllegalArgumentException("at most 65536 labels, got " + labelScripts.length);
        }
        this.labelScripts = labelScripts.clone();
        this.slot = slots(labelScripts);
        for (int mask = 0; mask < Scripts.MASKS; mask++) {
            plan(mask);
        }
    }

    /** The slots (row positions) of the labels, for packing the weights. */
    int[] slots() {
        return slot.clone();
    }

    int slot(int label) {
        return slot[label];
    }

    int firstWord(int mask) {
        return firstWord[mask];
    }

    int endWord(int mask) {
        return endWord[mask];
    }

    /** The only label a text of these scripts may get, or -1 if more than one. */
    int single(int mask) {
        return single[mask];
    }

    /** Whether a text of the scripts {@code mask} may get {@code label}. */
    boolean allows(int label, int mask) {
        return (labelScripts[label] & allowedMask[mask]) != 0;
    }

    /**
     * Row positions that keep each script's labels together: Latin-only labels first, then those written in Latin
     * and Cyrillic (Serbian), then Cyrillic-only, then the rest by script. A Latin text then reads the first words of
     * a row only, a Cyrillic one mostly one word (BENCHMARKS.md, "Model").
     */
    private static int[] slots(int[] scripts) {
        // sorted as (group, scripts, label) packed in one long: a comparator chain would cost a model load a few
        // milliseconds of lambda bootstrapping on a cold JVM
        long[] keys = new long[scripts.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ((long) group(scripts[k]) << 48) | ((long) scripts[k] << 16) | k;
        }
        Arrays.sort(keys);
        int[] slot = new int[scripts.length];
        for (int p = 0; p < keys.length; p++) {
            slot[(int) (keys[p] & 0xFFFF)] = p;
        }
        return slot;
    }

    private static int group(int scripts) {
        if (scripts == Scripts.ALL) {
            return 4;
        }
        if (scripts == Scripts.LATIN) {
            return 0;
        }
        if (scripts == (Scripts.LATIN | Scripts.CYRILLIC)) {
            return 1;
        }
        return scripts == Scripts.CYRILLIC ? 2 : 3;
    }

    /**
     * Which labels a text whose letters are in the scripts {@code mask} may get: those written in one of them. A
     * letter of a script no label is written in, or no label matching at all, leaves every label in play.
     */
    private void plan(int mask) {
        int effective = mask;
        if ((mask & Scripts.OTHER) != 0 || mask == 0) {
            effective = Scripts.ALL;
        } else {
            boolean any = false;
            for (int s : labelScripts) {
                any |= (s & mask) != 0;
            }
            if (!any) {
                effective = Scripts.ALL;
            }
        }
        int first = Integer.MAX_VALUE;
        int end = 0;
        int only = -1;
        int allowed = 0;
        for (int k = 0; k < labelScripts.length; k++) {
            if ((labelScripts[k] & effective) != 0) {
                first = Math.min(first, slot[k] / 8);
                end = Math.max(end, slot[k] / 8 + 1);
                only = k;
                allowed++;
            }
        }
        allowedMask[mask] = effective;
        firstWord[mask] = first;
        endWord[mask] = end;
        single[mask] = allowed == 1 ? only : -1;
    }
}
