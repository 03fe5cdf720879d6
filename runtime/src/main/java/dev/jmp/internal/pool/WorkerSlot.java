package dev.jmp.internal.pool;

import dev.jmp.internal.supervisor.TaskWorker;
import java.util.LinkedHashMap;
import java.util.Map;

/** One worker of a pool as the scheduler sees it: connected yet, and the chunks it holds. */
final class WorkerSlot {

    final TaskWorker worker;
    final int index;
    final Map<Long, Chunk> inflight = new LinkedHashMap<>();
    boolean ready;
    private int cancelled;

    void add(Chunk c) {
        c.cancelSent = false;
        inflight.put(c.taskId, c);
    }

    void remove(long taskId) {
        Chunk c = inflight.remove(taskId);
        if (c != null && c.cancelSent) {
            cancelled--;
        }
    }

    void markCancelled(Chunk c) {
        c.cancelSent = true;
        cancelled++;
    }

    /**
     * Whether the worker is stopping a cancelled task: it gets no new work until the task
     * returns, or until it is killed and replaced, so new work never lands on a doomed worker.
     */
    boolean draining() {
        return cancelled > 0;
    }

    WorkerSlot(TaskWorker worker, int index) {
        this.worker = worker;
        this.index = index;
    }
}
