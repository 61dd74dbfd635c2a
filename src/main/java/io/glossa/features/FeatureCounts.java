package io.glossa.features;

import java.util.Arrays;

/**
 * Open-addressing map from bucket index to a float, reused across texts so the hot path allocates nothing
 * (it only grows, rarely, for a text with more distinct features than ever before). Remembers the order of
 * insertion so iteration and clearing cost O(size), not O(capacity).
 */
public final class FeatureCounts {
    private static final int EMPTY = -1;

    private int[] slotKeys;
    private float[] slotValues;
    private int[] order;
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

    public void add(int key, float delta) {
        int slot = slotOf(key);
        while (true) {
            int k = slotKeys[slot];
            if (k == key) {
                slotValues[slot] += delta;
                return;
            }
            if (k == EMPTY) {
                if (size == order.length) {
                    grow();
                    add(key, delta);
                    return;
                }
                slotKeys[slot] = key;
                slotValues[slot] = delta;
                order[size++] = slot;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    public void clear() {
        for (int i = 0; i < size; i++) {
            slotKeys[order[i]] = EMPTY;
        }
        size = 0;
    }

    private int slotOf(int key) {
        return (key * 0x9E3779B9 >>> 7) & mask;
    }

    private void grow() {
        int[] oldKeys = new int[size];
        float[] oldValues = new float[size];
        for (int i = 0; i < size; i++) {
            oldKeys[i] = keyAt(i);
            oldValues[i] = valueAt(i);
        }
        allocate(slotKeys.length * 2);
        int n = size;
        size = 0;
        for (int i = 0; i < n; i++) {
            add(oldKeys[i], oldValues[i]);
        }
    }
}
