package io.glossa.web;

import java.util.ArrayDeque;

/**
 * One event stream's backlog: bounded, and grown only as events wait, so a stream that keeps up holds a few slots
 * and an idle one none (a queue of 50,000 slots allocated up front cost every stream 200 KB: 200 streams, +47 MB).
 */
final class EventQueue<E> {
    private static final int FIRST_CAPACITY = 16;

    private final int limit;
    private ArrayDeque<E> items;

    EventQueue(int limit) {
        this.limit = limit;
    }

    /** @return false, adding nothing, when the queue already holds its limit */
    synchronized boolean offer(E item) {
        if (items == null) {
            items = new ArrayDeque<>(FIRST_CAPACITY);
        } else if (items.size() >= limit) {
            return false;
        }
        items.addLast(item);
        return true;
    }

    synchronized E poll() {
        return items == null ? null : items.pollFirst();
    }

    synchronized boolean isEmpty() {
        return items == null || items.isEmpty();
    }
}
