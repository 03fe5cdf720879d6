package dev.jmp.pool;

import dev.jmp.supervisor.WorkerHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/** One worker of a pool as the scheduler sees it: connected yet, and the chunks it holds. */
final class WorkerSlot {

    final WorkerHandle worker;
    final int index;
    final Map<Long, Chunk> inflight = new LinkedHashMap<>();
    boolean ready;

    WorkerSlot(WorkerHandle worker, int index) {
        this.worker = worker;
        this.index = index;
    }
}
