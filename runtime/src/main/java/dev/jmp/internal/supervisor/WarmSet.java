package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.TaskOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Idle workers started ahead of need with the default options, handed to pools and processes so
 * they start in milliseconds. Refilled in the background after each take; a worker that dies
 * while idle is replaced, unless workers keep dying before they connect (then refilling stops
 * rather than looping).
 */
public final class WarmSet implements WorkerOwner {

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    private static final int MAX_FAILURES = 3;
    private final Supervisor supervisor;
    private final Deque<WorkerHandle> idle = new ArrayDeque<>();
    private int failures;

    WarmSet(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** Takes an idle worker for {@code owner}, preferring a connected one; {@code null} if none. */
    public WorkerHandle take(WorkerOwner owner) {
        WorkerHandle w = null;
        synchronized (this) {
            for (WorkerHandle h : idle) {
                if (h.ready().isDone() && !h.ready().isCompletedExceptionally() && h.isAlive()) {
                    w = h;
                    break;
                }
            }
            if (w == null) {
                for (WorkerHandle h : idle) {
                    if (h.isAlive()) {
                        w = h;
                        break;
                    }
                }
            }
            if (w != null) {
                idle.remove(w);
                w.setOwner(owner);
            }
        }
        if (w != null) {
            supervisor.execute(this::refill);
        }
        return w;
    }

    /** Number of idle workers. */
    public synchronized int size() {
        return idle.size();
    }

    /** Starts workers until the set has its target size. */
    public void refill() {
        while (!supervisor.isClosed()) {
            synchronized (this) {
                if (idle.size() >= supervisor.settings().warmWorkers() || failures >= MAX_FAILURES) {
                    return;
                }
                try {
                    WorkerHandle w = supervisor.spawn(WorkerOptions.DEFAULT, this);
                    idle.add(w);
                    w.ready().thenRun(() -> supervisor.prime(w));
                } catch (RuntimeException e) {
                    failures++;
                    LOG.log(System.Logger.Level.WARNING, "cannot start a warm worker", e);
                    return;
                }
            }
        }
    }

    /** Stops idle workers beyond the target size. */
    public void trim() {
        while (true) {
            WorkerHandle w;
            synchronized (this) {
                if (idle.size() <= supervisor.settings().warmWorkers()) {
                    return;
                }
                w = idle.removeLast();
                w.setOwner(null);
            }
            w.shutdown(0);
        }
    }

    /** Replaces every idle worker (after the worker classpath or options changed). */
    public void recycle() {
        List<WorkerHandle> old;
        synchronized (this) {
            old = List.copyOf(idle);
            idle.clear();
            failures = 0;
        }
        for (WorkerHandle w : old) {
            w.setOwner(null);
            w.shutdown(0);
        }
        refill();
    }

    @Override
    public void onOutcome(TaskWorker worker, TaskOutcome outcome, List<byte[]> frames) {
        // idle workers run nothing
    }

    @Override
    public void onExit(TaskWorker worker, WorkerExit exit) {
        boolean neverConnected = worker.ready().isCompletedExceptionally();
        synchronized (this) {
            if (!idle.remove(worker)) {
                return;
            }
            if (neverConnected && !supervisor.isClosed()) {
                failures++;
                LOG.log(System.Logger.Level.WARNING, "warm worker " + worker + " died before connecting: "
                        + exit.describe() + " " + exit.lastStderr());
            }
        }
        supervisor.execute(this::refill);
    }
}
