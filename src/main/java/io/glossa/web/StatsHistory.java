package io.glossa.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's last 15 minutes: a ring of 900 one-second slots, slot = epoch second mod 900, so memory stays
 * the same however long the process runs. Written once a second by {@link StatsSampler}, read by stats requests;
 * the accept and result paths never touch it.
 */
final class StatsHistory {
    static final int SECONDS = 900;

    /** The seconds after a given one, oldest first; null where no sample was taken. */
    record Window(long firstSecond, List<SecondStats> seconds) {}

    private final SecondStats[] slots = new SecondStats[SECONDS];
    private long oldest = Long.MAX_VALUE;
    private long newest = -1;

    synchronized void put(SecondStats stats) {
        slots[slot(stats.second())] = stats;
        oldest = Math.min(oldest, stats.second());
        newest = Math.max(newest, stats.second());
    }

    /** The seconds after {@code afterSecond} up to the newest sample: at most the last 900, none before the first. */
    synchronized Window after(long afterSecond) {
        long first = Math.max(afterSecond + 1, Math.max(oldest, newest - SECONDS + 1));
        List<SecondStats> seconds = new ArrayList<>();
        for (long s = first; s <= newest; s++) {
            SecondStats stats = slots[slot(s)];
            seconds.add(stats != null && stats.second() == s ? stats : null);
        }
        return new Window(first, seconds);
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, (long) SECONDS);
    }
}
