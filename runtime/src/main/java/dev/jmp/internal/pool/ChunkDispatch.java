package dev.jmp.internal.pool;

import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.TaskWorkers;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskStatus;
import dev.jmp.spi.ItemTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves chunks between the pending work and the workers: sends them round-robin within each
 * worker's credit, takes them back when answered (learning chunk sizes from the round trip) or
 * when their worker dies (see {@link DeathTriage}), and cancels them, killing a worker whose
 * cancelled chunk outlives the grace. Guarded by the scheduler's lock, which it is given.
 */
final class ChunkDispatch {

    private final Object lock;
    private final TaskWorkers workers;
    private final PendingWork work;
    private final ChunkPolicy policy;
    private final int retries;
    private final Duration grace;
    private int rr;

    /**
     * @param lock    the scheduler's lock, taken by the grace timer's kill check
     * @param workers task ids and the grace timer
     * @param work    where chunks come from and go back to
     * @param policy  credits and chunk sizes
     * @param retries how many times an item is tried again
     * @param grace   how long a cancelled chunk may run on
     */
    ChunkDispatch(Object lock, TaskWorkers workers, PendingWork work, ChunkPolicy policy, int retries, Duration grace) {
        this.lock = lock;
        this.workers = workers;
        this.work = work;
        this.policy = policy;
        this.retries = retries;
        this.grace = grace;
    }

    /** Hands out chunks round-robin to connected workers with spare credit. */
    void send(Collection<WorkerSlot> slots) {
        int credit = policy.credit();
        List<WorkerSlot> order = new ArrayList<>(slots);
        Map<WorkerSlot, List<Dispatch>> batches = new LinkedHashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < order.size(); i++) {
                WorkerSlot s = order.get((rr + i) % order.size());
                if (!s.ready || s.inflight.size() >= credit || s.draining()) {
                    continue;
                }
                Chunk c = work.next(s);
                if (c == null) {
                    progress = false;
                    break;
                }
                c.taskId = workers.nextId();
                c.slot = s;
                c.attempts++;
                c.sentMicros = ItemTiming.nowMicros();
                c.sentToIdle = s.inflight.isEmpty();
                s.add(c);
                work.sent(c);
                batches.computeIfAbsent(s, k -> new ArrayList<>()).add(new Dispatch(c.taskId, c.job.id, c.first,
                        c.count, c.job.kind, false, c.job.fn, c.items.frames()));
                progress = true;
            }
            rr++;
        }
        batches.forEach((s, list) -> s.worker.run(list));
    }

    /** Frees the credit of the answered chunks; returns them (null for one already given up), in order. */
    List<Chunk> answered(List<TaskOutcome> outcomes) {
        List<Chunk> done = new ArrayList<>(outcomes.size());
        long now = ItemTiming.nowMicros();
        for (TaskOutcome o : outcomes) {
            Chunk c = work.answered(o.taskId());
            done.add(c);
            if (c != null) {
                c.slot.remove(o.taskId());
                if (o.status() == TaskStatus.OK) {
                    // only a chunk that waited behind no other shows the bare round trip
                    policy.learn(o.nanos(), c.count, c.sentToIdle ? now - c.sentMicros : -1);
                }
            }
        }
        return done;
    }

    /** Takes back a dead worker's chunks; those that may go again are sent first if {@code requeue}. */
    void lost(WorkerSlot slot, TaskWorker worker, WorkerExit exit, boolean requeue) {
        work.lost(slot.inflight.values());
        if (requeue) {
            WorkerDiedException died = new WorkerDiedException(worker.name(), worker.pid(), exit.exitCode(),
                    exit.describe(), exit.lastStderr());
            work.retryFirst(DeathTriage.triage(slot.inflight.values(), exit.lastItem(), retries, died));
        }
        slot.inflight.clear();
    }

    /** Asks the workers holding these chunks to stop them; a worker still running one after the grace is killed. */
    void cancel(List<Chunk> chunks) {
        Map<WorkerSlot, List<Long>> bySlot = new LinkedHashMap<>();
        for (Chunk c : chunks) {
            if (!c.cancelSent) {
                c.slot.markCancelled(c);
                bySlot.computeIfAbsent(c.slot, s -> new ArrayList<>()).add(c.taskId);
            }
        }
        bySlot.forEach((slot, ids) -> {
            slot.worker.cancel(ids);
            workers.schedule(() -> killIfStillRunning(slot, ids), grace.toMillis());
        });
    }

    private void killIfStillRunning(WorkerSlot slot, List<Long> ids) {
        synchronized (lock) {
            for (Long id : ids) {
                if (slot.inflight.containsKey(id)) {
                    slot.worker.stop("its cancelled task did not stop within the grace period", true);
                    return;
                }
            }
        }
    }
}
