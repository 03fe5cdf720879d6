package dev.jmp.internal.supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds back a task's completion until its output has been read: the worker writes a done
 * marker into its stdout pipe before it sends the result, and the result waits for the marker
 * (or for the pipe's end, if the worker died).
 */
final class OutputSync {

    private final Map<Long, Runnable> waiting = new LinkedHashMap<>();
    private final Set<Long> seen = new HashSet<>();
    private boolean closed;

    /** Runs {@code then} once the task's done marker was read (now, if it already was). */
    void await(long taskId, Runnable then) {
        synchronized (this) {
            if (!closed && !seen.remove(taskId)) {
                waiting.put(taskId, then);
                return;
            }
        }
        then.run();
    }

    /** The pipe reader saw a task's done marker. */
    void seen(long taskId) {
        Runnable r;
        synchronized (this) {
            r = waiting.remove(taskId);
            if (r == null) {
                seen.add(taskId);
                return;
            }
        }
        r.run();
    }

    /** The pipe ended: release everything. */
    void close() {
        List<Runnable> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(waiting.values());
            waiting.clear();
            seen.clear();
        }
        all.forEach(Runnable::run);
    }
}
