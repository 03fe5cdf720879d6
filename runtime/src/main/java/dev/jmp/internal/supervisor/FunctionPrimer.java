package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.TaskKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the functions sent most recently and has idle warm workers load them ahead of need
 * (their classes, their lambdas), so running one again (a notebook cell run twice, a pool
 * started anew) does not pay for class loading and linking in a fresh JVM.
 */
final class FunctionPrimer {

    private static final int RECENT_FUNCTIONS = 4;
    private final ArrayDeque<ShippedFunction> recent = new ArrayDeque<>();

    /** Remembers a function just sent. */
    synchronized void note(ShippedFunction fn) {
        if (!recent.isEmpty() && recent.peekFirst().key().equals(fn.key())) {
            return;
        }
        recent.removeIf(f -> f.key().equals(fn.key()));
        recent.addFirst(fn);
        while (recent.size() > RECENT_FUNCTIONS) {
            recent.removeLast();
        }
    }

    /** Sends an idle worker the recent functions as {@code prime} tasks. */
    void prime(Supervisor supervisor, WorkerHandle w) {
        List<Dispatch> tasks = new ArrayList<>();
        synchronized (this) {
            for (ShippedFunction fn : recent) {
                tasks.add(new Dispatch(supervisor.nextId(), -1, 0, 0, TaskKind.PRIME, false, fn, List.of()));
            }
        }
        if (!tasks.isEmpty()) {
            w.run(tasks);
        }
    }
}
