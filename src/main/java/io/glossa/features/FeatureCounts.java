package io.glossa.features;

import java.util.Arrays;

/**
 * Map from bucket index to a float, reused across texts so the hot path allocates nothing (it only grows, rarely,
 * for a text with more distinct features than ever before). Keys and values live in dense arrays in order of
 * insertion, found through an open-addressing index: the passes that weigh and score a text read them directly,
 * and clearing costs O(size), not O(capacity).
 */
public final class FeatureCounts {
    private static final int EMPTY = -1;

    /** Open-addressing index: slot to position in keys/values, or EMPTY. */
    private int[] slots;

    private int[] keys;
    private float[] values;
    private int size;
    private int mask;

    public FeatureCounts() {
        this(1024);
    }

    public FeatureCounts(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1) << 1);
        allocate(cap);
    }

    private void allocate(int capacity) {
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        keys = new int[capacity / 2];
        values = new float[capacity / 2];
        mask = capacity - 1;
    }

    public int size() {
        return size;
    }

    /** The i-th inserted key (0 <= i < size). */
    public int keyAt(int i) {
        return keys[i];
    }

    public float valueAt(int i) {
        return values[i];
    }

    public void setValueAt(int i, float value) {
        values[i] = value;
    }

    public void add(int key, float delta) {
        int slot = slotOf(key);
        while (true) {
            int at = slots[slot];
            if (at == EMPTY) {
                break;
            }
            if (keys[at] == key) {
                values[at] += delta;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == keys.length) {
            grow();
            add(key, delta);
            return;
        }
        slots[slot] = size;
        keys[size] = key;
        values[size] = delta;
        size++;
    }

    public void clear() {
        for (int i = 0; i < size; i++) {
            int slot = slotOf(keys[i]);
            while (slots[slot] != i) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = EMPTY;
        }
        size = 0;
    }

    private int slotOf(int key) {
        return ((key * 0x9E3779B9) >>> 7) & mask;
    }

    private void grow() {
        int[] oldKeys = Arrays.copyOf(keys, size);
        float[] oldValues = Arrays.copyOf(values, size);
        allocate(slots.length * 2);
        int n = size;
        size = 0;
        for (int i = 0; i < n; i++) {
            add(oldKeys[i], oldValues[i]);
        }
    }
}
