package dev.jmp.magics.shared;

import dev.jmp.shared.SharedBarrier;
import dev.jmp.shared.SharedCondition;
import dev.jmp.shared.SharedCounter;
import dev.jmp.shared.SharedEvent;
import dev.jmp.shared.SharedList;
import dev.jmp.shared.SharedLock;
import dev.jmp.shared.SharedMap;
import dev.jmp.shared.SharedNamespace;
import dev.jmp.shared.SharedQueue;
import dev.jmp.shared.SharedSemaphore;
import dev.jmp.shared.SharedValue;
import dev.jmp.magics.render.ValueSummary;

/** One line saying what a shared object holds now, for the live table. */
final class SharedState {

    static final int MAX = 100;

    private SharedState() {
    }

    /**
     * The type shown for an object.
     *
     * @param value a shared object
     * @return its simple type name
     */
    static String type(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /**
     * Reads an object's state (one call to the manager, which lives in this process).
     *
     * @param value a shared object
     * @return its state on one line, at most {@value #MAX} characters
     */
    static String of(Object value) {
        String text;
        if (value instanceof SharedCounter c) {
            text = Long.toString(c.get());
        } else if (value instanceof SharedValue<?> v) {
            text = ValueSummary.of(v.get(), MAX);
        } else if (value instanceof SharedMap<?, ?> m) {
            text = ValueSummary.of(m.snapshot(), MAX);
        } else if (value instanceof SharedList<?> l) {
            text = ValueSummary.of(l.snapshot(), MAX);
        } else if (value instanceof SharedNamespace n) {
            text = ValueSummary.of(n.asMap(), MAX);
        } else if (value instanceof SharedQueue<?> q) {
            int size = q.size();
            text = size + (size == 1 ? " item" : " items");
        } else if (value instanceof SharedLock l) {
            text = l.isLocked() ? "locked" : "unlocked";
        } else if (value instanceof SharedEvent e) {
            text = e.isSet() ? "set" : "clear";
        } else if (value instanceof SharedSemaphore s) {
            text = s.availablePermits() + " permits free";
        } else if (value instanceof SharedBarrier b) {
            text = b.getNumberWaiting() + " of " + b.getParties() + " waiting" + (b.isBroken() ? " (broken)" : "");
        } else if (value instanceof SharedCondition) {
            text = "";
        } else {
            text = ValueSummary.of(value, MAX);
        }
        text = text.replace("\n", "\\n");
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
