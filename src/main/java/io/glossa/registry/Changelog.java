package io.glossa.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads the registry's changelog as a stack of activations: {@code activate} pushes a version, {@code rollback}
 * pops the current one. So A, B, C, rollback, rollback leaves A active, as a person undoing twice would expect.
 */
public final class Changelog {
    private Changelog() {}

    /** The version a rollback would re-activate, if any. */
    public static Optional<String> rollbackTarget(List<ModelEvent> events) {
        Deque<String> stack = activations(events);
        if (stack.size() < 2) {
            return Optional.empty();
        }
        stack.pop();
        return Optional.of(stack.peek());
    }

    private static Deque<String> activations(List<ModelEvent> events) {
        Deque<String> stack = new ArrayDeque<>();
        for (ModelEvent event : events) {
            if (event.action() == ModelEvent.Action.ACTIVATE) {
                stack.push(event.version());
            } else if (event.action() == ModelEvent.Action.ROLLBACK && !stack.isEmpty()) {
                stack.pop();
            }
        }
        return stack;
    }
}
