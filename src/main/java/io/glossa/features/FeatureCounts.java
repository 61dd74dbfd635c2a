package io.glossa.features;

import java.util.Arrays;

/**
 * Map from bucket index (a non-negative int) to a float, reused across texts so the hot path allocates nothing (it
 * only grows, rarely, for a text with more distinct features than ever before). An open-addressing table holds the
 * keys and values themselves; a dense list of the slots in order of insertion lets the passes that weigh and score
 * a text read entries by position ({@link #keyAt}, {@link #valueAt}).
 *
 * <p>Why keys and values in the table rather than positions: a probe then reads one array, not a slot and then the
 * key it points to, and clearing empties the used slots straight from the list instead of probing for each key
 * again (docs/model.md, "Quantisation").
 */
public final class FeatureCounts {
    private static final int EMPTY = -1;

    /** Open-addressing table: the key in each slot, or EMPTY. */
    private int[] slotKeys;

    private float[] slotValues;
    /** The slots in order of insertion: entry i is in slot {@code order[i]}. */
    private int[] order;

    private int size;
    private int mask;
    /** Where {@link NgramHasher} collects a text's bucket indices before {@link #addOnes} counts them. */
    private int[] keyBuffer = new int[0];

    public FeatureCounts() {
        this(1024);
    }

    public FeatureCounts(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1) << 1);
        allocate(cap);
    }

    private void allocate(int capacity) {
        slotKeys = new int[capacity];
        Arrays.fill(slotKeys, EMPTY);
        slotValues = new float[capacity];
        order = new int[capacity / 2];
        mask = capacity - 1;
    }

    public int size() {
        return size;
    }

    /** The i-th inserted key (0 <= i < size). */
    public int keyAt(int i) {
        return slotKeys[order[i]];
    }

    public float valueAt(int i) {
        return slotValues[order[i]];
    }

    public void setValueAt(int i, float value) {
        slotValues[order[i]] = value;
    }

    /** Adds {@code delta} to the value of {@code key} (0 for a new key); keys must not be negative. */
    public void add(int key, float delta) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are bucket indices, never negative: " + key);
        }
        int slot = slotOf(key);
        int k = slotKeys[slot];
        while (k != key && k != EMPTY) {
            slot = (slot + 1) & mask;
            k = slotKeys[slot];
        }
        if (k == key) {
            slotValues[slot] += delta;
        } else if (size < order.length) {
            slotKeys[slot] = key;
            slotValues[slot] = delta;
            order[size++] = slot;
        } else {
            grow();
            add(key, delta);
        }
    }

    /** Adds 1 for each of the first {@code n} keys, in order. */
    void addOnes(int[] keys, int n) {
        for (int i = 0; i < n; i++) {
            add(keys[i], 1f);
        }
    }

    /** A buffer of at least {@code capacity} ints for keys still to be counted; reused, so contents are stale. */
    int[] keyBuffer(int capacity) {
        if (keyBuffer.length < capacity) {
            keyBuffer = new int[Math.max(capacity, 2 * keyBuffer.length)];
        }
        return keyBuffer;
    }

    public void clear() {
        for (int i = 0; i < size; i++) {
            slotKeys[order[i]] = EMPTY;
        }
        size = 0;
    }

    /** The key itself: bucket indices come from a well-mixed hash, so their low bits are already uniform. */
    private int slotOf(int key) {
        return key & mask;
    }

    private void grow() {
        int n = size;
        int[] oldKeys = new int[n];
        float[] oldValues = new float[n];
        for (int i = 0; i < n; i++) {
            oldKeys[i] = keyAt(i);
            oldValues[i] = valueAt(i);
        }
        allocate(slotKeys.length * 2);
        size = 0;
        for (int i = 0; i < n; i++) {
            add(oldKeys[i], oldValues[i]);
        }
    }
}
