package io.glossa.client.load;

/**
 * When each text of an open-loop run is due: text {@code i} at {@code start + i / rate}, whatever happened before.
 * A request carries up to {@code batch} consecutive texts and goes when the last of them is due.
 *
 * @param start   System.nanoTime of text 0
 * @param planned texts in the whole run (warm-up included)
 */
record Schedule(long start, double rate, long planned, int batch) {
    static Schedule of(LoadSettings settings, long start) {
        return new Schedule(start, settings.rate(), settings.plannedTexts(), settings.batch());
    }

    /** When text {@code i} is due (System.nanoTime). */
    long due(long i) {
        return start + (long) (i * (1e9 / rate));
    }

    /** How many texts the request that starts at text {@code i} carries. */
    int texts(long i) {
        return (int) Math.min(batch, planned - i);
    }

    /** When the request that starts at text {@code i} goes: when its last text is due. */
    long sendAt(long i) {
        return due(i + texts(i) - 1);
    }
}
